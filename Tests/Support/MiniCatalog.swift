import Foundation
import ShowroomCore
import ShowroomData

/// A tiny, hand-written catalog (two stores, a few models and units) for tests that need rows
/// but not the whole demo catalog. Facts here are the tests' own fixture, not product data.
public enum MiniCatalog {
    public static func load(into db: Database) async throws {
        try await db.transaction { conn in try await conn.runScript(sql, logger: db.logger) }
    }

    static let sql = #"""
    INSERT INTO stores (id, name, name_zh, city, currency, locale, timezone, address, phone, email, hours, tax_profile,
                        allowed_origins, publishable_key, settings) VALUES
    ('sh-test', 'Test Shanghai', '测试上海店', 'Shanghai', 'CNY', 'zh-CN', 'Asia/Shanghai', '1 Test Rd', '+86 21 0000 0000', NULL,
     '{"mon":"09:00-21:00","tue":"09:00-21:00","wed":"09:00-21:00","thu":"09:00-21:00","fri":"09:00-21:00","sat":"09:00-21:00","sun":"10:00-18:00"}',
     '{"kind":"cn","vat_pct":13,"purchase_tax_pct":10,"nev_relief":{"from":"2026-01-01","to":"2027-12-31","factor":0.5,"cap":15000},"fees":[{"code":"registration","label":"Registration","label_zh":"上牌费","amount":500}]}',
     '{http://localhost:8080}', 'pk_test_sh', '{"assistant_enabled":true,"test_drive_minutes":45}'),
    ('sf-test', 'Test SF', NULL, 'San Francisco', 'USD', 'en-US', 'America/Los_Angeles', '2 Test St', '+1 415 000 0000', NULL,
     '{"mon":"09:00-20:00","tue":"09:00-20:00","wed":"09:00-20:00","thu":"09:00-20:00","fri":"09:00-20:00","sat":"09:00-20:00","sun":"closed"}',
     '{"kind":"us","sales_tax_pct":8.625,"trade_in_credit":true,"fees":[{"code":"dmv","label":"DMV","amount":400},{"code":"doc_fee","label":"Documentation fee","amount":85}]}',
     '{http://localhost:8080}', 'pk_test_sf', '{"assistant_enabled":true}');
    INSERT INTO makes (name, name_zh, aliases) VALUES ('BYD', '比亚迪', '{biyadi}'), ('Tesla', '特斯拉', '{telsa}'), ('Toyota', '丰田', '{}');
    INSERT INTO models (make_id, name, name_zh, aliases, body_type, powertrain, seats, search_text) VALUES
    ((SELECT id FROM makes WHERE name='BYD'), 'Han', '汉', '{汉EV}', 'sedan', 'bev', 5, 'han 汉 汉ev byd 比亚迪'),
    ((SELECT id FROM makes WHERE name='BYD'), 'Tang', '唐', '{}', 'suv', 'bev', 7, 'tang 唐 byd 比亚迪'),
    ((SELECT id FROM makes WHERE name='Tesla'), 'Model Y', 'Model Y', '{modely}', 'suv', 'bev', 5, 'model y modely tesla 特斯拉'),
    ((SELECT id FROM makes WHERE name='Toyota'), 'Camry', '凯美瑞', '{camery}', 'sedan', 'hev', 5, 'camry 凯美瑞 camery toyota 丰田');
    INSERT INTO trims (model_id, name, year, drivetrain, price_cny, price_usd, range_km, power_kw, battery_kwh, length_mm, width_mm, height_mm, wheelbase_mm, fuel_l_100km) VALUES
    ((SELECT id FROM models WHERE name='Han'), 'EV 605', 2025, 'fwd', 209800, NULL, 605, 180, 85.4, 4995, 1910, 1495, 2920, NULL),
    ((SELECT id FROM models WHERE name='Tang'), 'EV 600', 2025, 'awd', 279800, NULL, 600, 380, 108.8, 4900, 1950, 1725, 2820, NULL),
    ((SELECT id FROM models WHERE name='Model Y'), 'RWD', 2025, 'rwd', 263500, NULL, 593, 220, 62.5, 4797, 1920, 1624, 2890, NULL),
    ((SELECT id FROM models WHERE name='Model Y'), 'Long Range AWD', 2025, 'awd', NULL, 48990, 526, 378, 81, 4797, 1920, 1624, 2890, NULL),
    ((SELECT id FROM models WHERE name='Camry'), 'SE Hybrid', 2025, 'fwd', NULL, 31000, NULL, 168, NULL, 4920, 1840, 1445, 2825, 4.9);
    INSERT INTO inventory_units (store_id, stock_number, vin, trim_id, model_id, make, model, trim, year, condition, body_type, powertrain,
        drivetrain, seats, range_km, mileage_km, exterior_color, currency, list_price, floor_price, cost, status)
    SELECT u.store, u.stock, u.vin, t.id, m.id, mk.name, m.name, t.name, u.year, u.cond, m.body_type, m.powertrain, t.drivetrain, m.seats,
           t.range_km, u.km, u.color, u.cur, u.price, u.floor, u.cost, 'available'
    FROM (VALUES
      ('sh-test','SHT001','LGXCE4CB5N0000001','Han','EV 605',2025,'new',0,'white','CNY',209800,199000,185000),
      ('sh-test','SHT002','LGXCE4CB7N0000002','Han','EV 605',2024,'used',21000,'black','CNY',159800,150000,140000),
      ('sh-test','SHT003','LGXCE4CB9N0000003','Tang','EV 600',2025,'new',0,'gray','CNY',279800,268000,255000),
      ('sh-test','SHT004','LRWYGCEK1PC000004','Model Y','RWD',2025,'new',0,'white','CNY',263500,258000,240000),
      ('sf-test','SFT001','7SAYGDEE1PF000005','Model Y','Long Range AWD',2025,'new',0,'blue','USD',48990,47000,44000),
      ('sf-test','SFT002','4T1G11AK1PU000006','Camry','SE Hybrid',2025,'new',0,'red','USD',31000,29800,27500)
    ) AS u(store, stock, vin, model, trim, year, cond, km, color, cur, price, floor, cost)
    JOIN models m ON m.name = u.model JOIN makes mk ON mk.id = m.make_id JOIN trims t ON t.model_id = m.id AND t.name = u.trim;
    """#
}
