extension Migration {
    /// The vehicle data platform: stores, reference catalog, inventory, promotions,
    /// leads, appointments, conversations, turns, messages, tool-call audit, staff keys.
    static let v1Schema = Migration(version: 1, name: "vehicle data platform", sql: #"""
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    CREATE EXTENSION IF NOT EXISTS btree_gist;

    CREATE TABLE stores (
        id               text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{1,40}$'),
        name             text NOT NULL,
        name_zh          text,
        city             text NOT NULL,
        currency         text NOT NULL CHECK (currency IN ('CNY', 'USD')),
        locale           text NOT NULL,
        timezone         text NOT NULL,
        address          text NOT NULL,
        phone            text NOT NULL,
        email            text,
        hours            jsonb NOT NULL,
        tax_profile      jsonb NOT NULL,
        allowed_origins  text[] NOT NULL DEFAULT '{}',
        publishable_key  text NOT NULL UNIQUE,
        settings         jsonb NOT NULL DEFAULT '{}',
        updated_at       timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE makes (
        id        serial PRIMARY KEY,
        name      text NOT NULL UNIQUE,
        name_zh   text,
        aliases   text[] NOT NULL DEFAULT '{}',
        country   text
    );

    CREATE TABLE models (
        id          serial PRIMARY KEY,
        make_id     int NOT NULL REFERENCES makes(id) ON DELETE CASCADE,
        name        text NOT NULL,
        name_zh     text,
        aliases     text[] NOT NULL DEFAULT '{}',
        body_type   text CHECK (body_type IN ('sedan','suv','mpv','hatchback','coupe','pickup','wagon','convertible')),
        powertrain  text CHECK (powertrain IN ('bev','phev','erev','hev','ice')),
        seats       int CHECK (seats BETWEEN 1 AND 12),
        source      text NOT NULL DEFAULT 'catalog',
        search_text text NOT NULL DEFAULT '',
        UNIQUE (make_id, name)
    );
    CREATE INDEX models_search_trgm ON models USING gin (search_text gin_trgm_ops);
    -- Imports match makes and models case-insensitively (EPA spells both Leaf and LEAF).
    CREATE UNIQUE INDEX makes_name_ci ON makes (lower(name));
    CREATE UNIQUE INDEX models_name_ci ON models (make_id, lower(name));

    CREATE TABLE trims (
        id              serial PRIMARY KEY,
        model_id        int NOT NULL REFERENCES models(id) ON DELETE CASCADE,
        name            text NOT NULL,
        year            int NOT NULL CHECK (year BETWEEN 1950 AND 2100),
        variant_key     text NOT NULL DEFAULT '',
        powertrain      text CHECK (powertrain IN ('bev','phev','erev','hev','ice')),
        drivetrain      text CHECK (drivetrain IN ('awd','fwd','rwd')),
        body_type       text CHECK (body_type IN ('sedan','suv','mpv','hatchback','coupe','pickup','wagon','convertible')),
        seats           int CHECK (seats BETWEEN 1 AND 12),
        price_cny       numeric(12,2),
        price_usd       numeric(12,2),
        range_km        int,
        fuel_l_100km    numeric(5,2),
        mpg_combined    int,
        kwh_100km       numeric(5,2),
        power_kw        int,
        battery_kwh     numeric(6,2),
        length_mm       int,
        width_mm        int,
        height_mm       int,
        wheelbase_mm    int,
        accel_0_100_s   numeric(4,1),
        specs           jsonb NOT NULL DEFAULT '{}',
        source          text NOT NULL DEFAULT 'catalog',
        UNIQUE (model_id, name, year, variant_key)
    );
    -- Reference trims (EPA, NEV) are keyed by their publisher record id, kept in variant_key.
    CREATE UNIQUE INDEX trims_source_variant ON trims (source, variant_key) WHERE variant_key <> '';

    CREATE TABLE inventory_units (
        id              bigserial PRIMARY KEY,
        store_id        text NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
        stock_number    text NOT NULL,
        vin             text NOT NULL CHECK (vin ~ '^[A-HJ-NPR-Z0-9]{17}$'),
        trim_id         int REFERENCES trims(id),
        model_id        int NOT NULL REFERENCES models(id),
        make            text NOT NULL,
        model           text NOT NULL,
        trim            text NOT NULL DEFAULT '',
        year            int NOT NULL CHECK (year BETWEEN 1950 AND 2100),
        condition       text NOT NULL CHECK (condition IN ('new','used','cpo')),
        body_type       text,
        powertrain      text,
        drivetrain      text,
        seats           int,
        range_km        int,
        mileage_km      int NOT NULL DEFAULT 0 CHECK (mileage_km >= 0),
        exterior_color  text,
        interior_color  text,
        currency        text NOT NULL CHECK (currency IN ('CNY','USD')),
        list_price      numeric(12,2) NOT NULL CHECK (list_price > 0),
        msrp            numeric(12,2),
        floor_price     numeric(12,2),
        cost            numeric(12,2),
        status          text NOT NULL DEFAULT 'available' CHECK (status IN ('available','hold','sold','in_transit')),
        date_in_stock   date,
        source          text NOT NULL DEFAULT 'catalog' CHECK (source IN ('catalog','feed')),
        created_at      timestamptz NOT NULL DEFAULT now(),
        updated_at      timestamptz NOT NULL DEFAULT now(),
        UNIQUE (store_id, stock_number),
        UNIQUE (store_id, vin)
    );
    CREATE INDEX units_search ON inventory_units (store_id, status, list_price);
    CREATE INDEX units_body ON inventory_units (store_id, body_type, list_price) WHERE status = 'available';
    CREATE INDEX units_powertrain ON inventory_units (store_id, powertrain, list_price) WHERE status = 'available';
    CREATE INDEX units_seats ON inventory_units (store_id, seats) WHERE status = 'available';
    CREATE INDEX units_range ON inventory_units (store_id, range_km) WHERE status = 'available';
    CREATE INDEX units_model ON inventory_units (model_id, store_id);

    CREATE TABLE promotions (
        id              serial PRIMARY KEY,
        store_id        text NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
        code            text NOT NULL,
        title           text NOT NULL,
        title_zh        text,
        kind            text NOT NULL CHECK (kind IN ('amount','percent')),
        value           numeric(12,2) NOT NULL CHECK (value > 0),
        make            text,
        model           text,
        powertrain      text,
        condition       text,
        automatic       boolean NOT NULL DEFAULT false,
        starts_on       date,
        ends_on         date,
        active          boolean NOT NULL DEFAULT true,
        UNIQUE (store_id, code)
    );

    CREATE TABLE conversations (
        id              uuid PRIMARY KEY,
        store_id        text NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
        channel         text NOT NULL DEFAULT 'widget' CHECK (channel IN ('widget','staff','cli')),
        locale          text NOT NULL DEFAULT 'en',
        status          text NOT NULL DEFAULT 'active' CHECK (status IN ('active','waiting_staff','staff','closed')),
        profile         jsonb NOT NULL DEFAULT '{}',
        summary         text NOT NULL DEFAULT '',
        vehicle_context jsonb,
        turn_count      int NOT NULL DEFAULT 0,
        next_seq        int NOT NULL DEFAULT 0,
        anonymized      boolean NOT NULL DEFAULT false,
        created_at      timestamptz NOT NULL DEFAULT now(),
        updated_at      timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX conversations_store_time ON conversations (store_id, created_at);
    CREATE INDEX conversations_waiting ON conversations (store_id, status) WHERE status IN ('waiting_staff','staff');

    CREATE TABLE turns (
        id                 uuid PRIMARY KEY,
        conversation_id    uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        store_id           text NOT NULL,
        intent             text NOT NULL,
        agent              text NOT NULL,
        confidence         double precision NOT NULL DEFAULT 0,
        slots              jsonb NOT NULL DEFAULT '{}',
        backend            text NOT NULL DEFAULT 'embedded',
        fallback           boolean NOT NULL DEFAULT false,
        llm_calls          int NOT NULL DEFAULT 0,
        prompt_tokens      int NOT NULL DEFAULT 0,
        completion_tokens  int NOT NULL DEFAULT 0,
        llm_ms             int NOT NULL DEFAULT 0,
        total_ms           int NOT NULL DEFAULT 0,
        timings            jsonb NOT NULL DEFAULT '{}',
        guardrail          text,
        created_at         timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX turns_conversation ON turns (conversation_id, created_at);
    CREATE INDEX turns_store_time ON turns (store_id, created_at);

    CREATE TABLE messages (
        id               bigserial PRIMARY KEY,
        conversation_id  uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        turn_id          uuid,
        seq              int NOT NULL,
        role             text NOT NULL CHECK (role IN ('user','assistant','staff','system')),
        agent            text,
        text             text NOT NULL DEFAULT '',
        cards            jsonb NOT NULL DEFAULT '[]',
        actions          jsonb NOT NULL DEFAULT '[]',
        created_at       timestamptz NOT NULL DEFAULT now(),
        UNIQUE (conversation_id, seq)
    );

    CREATE TABLE tool_calls (
        id               bigserial PRIMARY KEY,
        conversation_id  uuid,
        turn_id          uuid,
        store_id         text,
        caller           text NOT NULL,
        tool             text NOT NULL,
        arguments        jsonb NOT NULL DEFAULT '{}',
        result           jsonb,
        ok               boolean NOT NULL,
        error_code       text,
        duration_ms      double precision NOT NULL DEFAULT 0,
        created_at       timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX tool_calls_turn ON tool_calls (turn_id);
    CREATE INDEX tool_calls_conversation ON tool_calls (conversation_id, created_at);

    CREATE TABLE leads (
        id               uuid PRIMARY KEY,
        store_id         text NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
        contact_key      text NOT NULL,
        name             text NOT NULL,
        phone            text,
        email            text,
        consent          boolean NOT NULL CHECK (consent),
        consent_at       timestamptz NOT NULL DEFAULT now(),
        interest         text NOT NULL DEFAULT 'buy' CHECK (interest IN ('buy','lease','trade-in','test-drive')),
        status           text NOT NULL DEFAULT 'new' CHECK (status IN ('new','contacted','qualified','won','lost')),
        stock_number     text,
        vin              text,
        vehicle          jsonb,
        conversation_id  uuid,
        note             text,
        anonymized       boolean NOT NULL DEFAULT false,
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now(),
        UNIQUE (store_id, contact_key)
    );
    CREATE INDEX leads_store_time ON leads (store_id, created_at);

    CREATE TABLE appointments (
        id               uuid PRIMARY KEY,
        store_id         text NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
        lead_id          uuid REFERENCES leads(id) ON DELETE SET NULL,
        unit_id          bigint REFERENCES inventory_units(id) ON DELETE SET NULL,
        stock_number     text,
        make             text,
        model            text,
        name             text NOT NULL,
        phone            text NOT NULL,
        starts_at        timestamptz NOT NULL,
        ends_at          timestamptz NOT NULL,
        status           text NOT NULL DEFAULT 'booked' CHECK (status IN ('booked','cancelled','done')),
        locale           text NOT NULL DEFAULT 'en',
        conversation_id  uuid,
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at),
        EXCLUDE USING gist (unit_id WITH =, tstzrange(starts_at, ends_at) WITH &&) WHERE (status = 'booked' AND unit_id IS NOT NULL)
    );
    CREATE INDEX appointments_store_time ON appointments (store_id, starts_at);
    CREATE INDEX appointments_unit ON appointments (unit_id) WHERE unit_id IS NOT NULL;

    CREATE TABLE staff_keys (
        id          uuid PRIMARY KEY,
        prefix      text NOT NULL,
        key_hash    text NOT NULL UNIQUE,
        role        text NOT NULL CHECK (role IN ('sales','manager','admin')),
        store_ids   text[] NOT NULL DEFAULT '{}',
        label       text NOT NULL DEFAULT '',
        created_at  timestamptz NOT NULL DEFAULT now(),
        revoked_at  timestamptz,
        last_used_at timestamptz
    );

    CREATE TABLE audit_log (
        id          bigserial PRIMARY KEY,
        actor       text NOT NULL,
        action      text NOT NULL,
        target      text,
        outcome     text NOT NULL,
        detail      jsonb,
        created_at  timestamptz NOT NULL DEFAULT now()
    );
    """#)
}
