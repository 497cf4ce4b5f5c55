import Foundation
import ShowroomCore
import ShowroomData

/// The staff tests' own rows: two stores in different time zones, three models and five
/// units. Facts here are fixtures of these tests, not product data.
enum StaffFixture {
    static func load(into db: Database) async throws {
        try await db.execute("""
        INSERT INTO stores (id, name, name_zh, city, currency, locale, timezone, address, phone, email, hours, tax_profile,
                            allowed_origins, publishable_key, settings) VALUES
        ('sh-test', 'Test Shanghai', '测试上海店', 'Shanghai', 'CNY', 'zh-CN', 'Asia/Shanghai', '1 Test Rd', '+86 21 0000 0000', NULL,
         '{"mon":"09:00-21:00"}', '{"kind":"cn"}', '{http://localhost:8080}', 'pk_test_sh', '{"assistant_enabled":true}'),
        ('sf-test', 'Test SF', NULL, 'San Francisco', 'USD', 'en-US', 'America/Los_Angeles', '2 Test St', '+1 415 000 0000', NULL,
         '{"mon":"09:00-20:00"}', '{"kind":"us"}', '{http://localhost:8080}', 'pk_test_sf', '{"assistant_enabled":true}')
        """)
        try await db.execute("INSERT INTO makes (name, name_zh, aliases) VALUES ('BYD', '比亚迪', '{biyadi}'), ('Tesla', '特斯拉', '{}')")
        try await db.execute("""
        INSERT INTO models (make_id, name, name_zh, aliases, body_type, powertrain, seats, search_text) VALUES
        ((SELECT id FROM makes WHERE name = 'BYD'), 'Han', '汉', '{}', 'sedan', 'bev', 5, 'han'),
        ((SELECT id FROM makes WHERE name = 'BYD'), 'Tang', '唐', '{}', 'suv', 'bev', 7, 'tang'),
        ((SELECT id FROM makes WHERE name = 'Tesla'), 'Model Y', 'Model Y', '{modely}', 'suv', 'bev', 5, 'model y')
        """)
        try await db.execute("""
        INSERT INTO trims (model_id, name, year, drivetrain, range_km) VALUES
        ((SELECT id FROM models WHERE name = 'Han'), 'EV 605', 2025, 'fwd', 605),
        ((SELECT id FROM models WHERE name = 'Model Y'), 'RWD', 2025, 'rwd', 593)
        """)
        try await db.execute("""
        INSERT INTO inventory_units (store_id, stock_number, vin, model_id, make, model, trim, year, condition, body_type,
            powertrain, seats, range_km, mileage_km, currency, list_price, floor_price, cost, status)
        SELECT u.store, u.stock, u.vin, m.id, mk.name, m.name, u.trim, u.year, u.cond, m.body_type, m.powertrain, m.seats,
               u.range, u.km, u.cur, u.price, u.floor, u.cost, u.status
        FROM (VALUES
          ('sh-test', 'SHT001', 'LGXCE4CB5N0000001', 'Han', 'EV 605', 2025, 'new', 605, 0, 'CNY', 209800, 199000, 185000, 'available'),
          ('sh-test', 'SHT002', 'LGXCE4CB7N0000002', 'Han', 'EV 605', 2024, 'used', 605, 21000, 'CNY', 159800, 150000, 140000, 'sold'),
          ('sh-test', 'SHT003', 'LGXCE4CB9N0000003', 'Tang', '', 2025, 'new', 600, 0, 'CNY', 279800, 268000, 255000, 'available'),
          ('sf-test', 'SFT001', '7SAYGDEE1PF000005', 'Model Y', 'RWD', 2025, 'new', 593, 0, 'USD', 48990, 47000, 44000, 'available'),
          ('sf-test', 'DUP001', '7SAYGDEE1PF000006', 'Model Y', 'RWD', 2025, 'new', 593, 0, 'USD', 45990, 44000, 42000, 'hold')
        ) AS u(store, stock, vin, model, trim, year, cond, range, km, cur, price, floor, cost, status)
        JOIN models m ON m.name = u.model JOIN makes mk ON mk.id = m.make_id
        """)
    }
}
