"""A customer's whole visit, in each store's language: find cars, price one out the door, book a test drive.

Everything the widget shows is checked against the server's database: the cards are real units of that
store matching what was asked, the quote is itemized and adds up, the booking left an appointment and a
lead behind.
"""

import random
from dataclasses import dataclass
from datetime import datetime

import pytest
from selenium.webdriver.common.by import By

from widget_page import Widget


@dataclass(frozen=True)
class Visit:
    path: str
    store: str
    ui_lang: str
    currency_sign: str
    search: str
    body_type: str
    powertrain: str
    price_max: int
    quote: str
    name: str
    phone_prefix: str
    miles: bool          # distances shown in miles (a US store) rather than km
    distance_unit: str


VISITS = {
    "shanghai-zh": Visit("/demo/sh-pudong", "sh-pudong", "zh-CN", "¥", "20万以内的纯电SUV有哪些",
                         "suv", "bev", 200000, "第一辆落地价多少", "王小明", "139", False, "公里"),
    "san-francisco-en": Visit("/demo/sf-bay", "sf-bay", "en", "$", "electric SUV under $50k",
                              "suv", "bev", 50000, "what's the out-the-door price of the first one?",
                              "Alex Rivera", "415", True, "mi"),
}


def shown_time(iso, ui_lang):
    """The wall-clock time of a slot as the widget writes it: 09:00 in Chinese, 9:00 AM in English."""
    h, m = int(iso[11:13]), iso[14:16]
    return f"{h:02d}:{m}" if ui_lang.startswith("zh") else f"{(h % 12) or 12}:{m} {'AM' if h < 12 else 'PM'}"


def digits(s):
    return "".join(ch for ch in s if ch.isdigit())


@pytest.mark.parametrize("visit", VISITS.values(), ids=VISITS.keys())
def test_customer_finds_prices_and_books_a_car(visit, base_url, db, driver, shot):
    w = Widget(driver).load(base_url + visit.path)
    shot(driver, "page")
    assert w.ui_lang() == visit.ui_lang, "the widget should follow <html lang>"

    w.open()
    shot(driver, "opened")
    assert w.active() == w.input, "opening the panel moves focus to the message box"

    # 1. Search: vehicle cards stream in, and each is a real unit matching the request.
    errors = w.ask(visit.search)
    shot(driver, "search-answer")
    assert not errors, f"the search turn showed errors: {errors}"
    answer = w.last_answer()
    stocks = w.vehicle_stocks(answer)
    assert stocks, "the search answer has no vehicle cards"
    assert w.transport() == "sse", "the turn should have been streamed as Server-Sent Events"
    assert w.streamed_cards() >= 1, "vehicle cards should arrive as `card` events before `done`"
    rows = db.execute(
        "SELECT stock_number, body_type, powertrain, list_price, status FROM inventory_units "
        "WHERE store_id = %s AND stock_number = ANY(%s)", (visit.store, stocks)).fetchall()
    found = {r[0]: r for r in rows}
    for stock in stocks:
        assert stock in found, f"card {stock} is not a unit of {visit.store}"
        _, body, powertrain, price, status = found[stock]
        assert (body, powertrain) == (visit.body_type, visit.powertrain), f"{stock} is a {powertrain} {body}"
        assert price <= visit.price_max, f"{stock} costs {price}, over {visit.price_max}"
    first_card = answer.find_element(By.CSS_SELECTOR, ".card-vehicle")
    assert visit.currency_sign in first_card.text, "the card price should carry the store's currency"
    # Card names are in the page's language, with the brand written once (小鹏G6, not 小鹏小鹏G6).
    names = db.execute(
        "SELECT u.stock_number, mk.name, mk.name_zh, m.name_zh FROM inventory_units u JOIN models m ON m.id = u.model_id "
        "JOIN makes mk ON mk.id = m.make_id WHERE u.store_id = %s AND u.stock_number = ANY(%s)", (visit.store, stocks)).fetchall()
    for stock, make, make_zh, model_zh in names:
        title = answer.find_element(By.CSS_SELECTOR, f".card-vehicle[data-stock-number='{stock}'] .vehicle-title").text
        if visit.ui_lang.startswith("zh") and model_zh:
            assert model_zh in title, f"{stock}: the Chinese page should show {model_zh}, showed {title!r}"
            brand_times = (title.count(make_zh) if make_zh else 0) + title.lower().count(make.lower())
            assert brand_times == 1, f"{stock}: the brand ({make_zh}/{make}) should appear once in {title!r}"
    # Ranges are in the store's unit: km in Shanghai, miles in San Francisco.
    ranges = db.execute("SELECT stock_number, range_km FROM inventory_units WHERE store_id = %s AND stock_number = ANY(%s) "
                        "AND range_km IS NOT NULL", (visit.store, stocks)).fetchall()
    assert ranges, "electric cars have a range"
    for stock, km in ranges:
        shown = round(km / 1.609344) if visit.miles else km
        text = answer.find_element(By.CSS_SELECTOR, f".card-vehicle[data-stock-number='{stock}']").text
        assert f"{shown:,} {visit.distance_unit}" in text, f"{stock}: range {km} km should show as {shown:,} {visit.distance_unit} in {text!r}"
        if visit.miles:
            assert f"{km} km" not in text, f"{stock}: a US card should not show km: {text!r}"
    # The test-drive button never covers the card's facts (range, mileage).
    for card in answer.find_elements(By.CSS_SELECTOR, ".card-vehicle"):
        overlap = driver.execute_script("""
            var card = arguments[0], b = card.querySelector('.vehicle-drive').getBoundingClientRect();
            return Array.from(card.querySelectorAll('.spec, .stock, .price, .badge')).some(function (n) {
              var r = n.getBoundingClientRect();
              return r.left < b.right && b.left < r.right && r.top < b.bottom && b.top < r.bottom;
            });""", card)
        assert not overlap, f"the test-drive button of {card.get_attribute('data-stock-number')} covers its facts"

    # 2. Out-the-door price of the first car: an itemized quote whose lines add up to its total.
    errors = w.ask(visit.quote)
    shot(driver, "quote-answer")
    assert not errors, f"the quote turn showed errors: {errors}"
    answer = w.last_answer()
    quote = Widget.quote(answer)
    assert quote is not None, "the price answer has no quote card"
    assert quote["total"] > 0 and quote["lines"], quote
    assert abs(sum(quote["lines"]) - quote["total"]) <= 1, f"lines {quote['lines']} do not add up to {quote['total']}"
    first_price = float(found[stocks[0]][3])
    assert first_price in quote["lines"], f"the quote should price the first car ({stocks[0]}, list {first_price})"
    assert visit.currency_sign in quote["text"]

    # 3. Book a test drive through the form: from a `book_test_drive` action if the answer offers one,
    #    else from the first vehicle card's test-drive button.
    actions = answer.find_elements(By.CSS_SELECTOR, ".action[data-type='book_test_drive']")
    if actions:
        opener = actions[0]
    else:
        card = w.find_all(f".card-vehicle[data-stock-number='{stocks[0]}']")[-1]
        opener = card.find_element(By.CSS_SELECTOR, ".vehicle-drive")
    opener.click()
    form = w.booking_form()
    assert form.is_displayed()
    shot(driver, "booking-form")
    phone = visit.phone_prefix + "".join(random.choice("0123456789") for _ in range(8))
    stock, slot = w.fill_booking(visit.name, phone)
    assert stock, "the booking form should know which car it books"
    shot(driver, "booking-filled")
    before_errors = len(w.error_notices())
    w.submit_booking()
    shot(driver, "booking-confirmed")
    assert not w.error_notices()[before_errors:], "booking showed an error"
    sent = w.messages()[-2]
    assert sent[0] == "user" and phone in sent[1], f"the booking message was {sent}"
    assert slot not in sent[1] and "T" + slot[11:16] not in sent[1], f"the booking time should be formatted: {sent[1]}"
    assert shown_time(slot, visit.ui_lang) in sent[1], f"the booking message should show {shown_time(slot, visit.ui_lang)}: {sent[1]}"
    reply = w.last_answer()
    assert reply.get_attribute("data-role") == "assistant"
    assert reply.get_attribute("data-agent") == "booking", "a booking is answered by the booking agent"

    appointments = db.execute(
        "SELECT stock_number, starts_at, status, name FROM appointments "
        "WHERE store_id = %s AND regexp_replace(phone, '\\D', '', 'g') LIKE %s", (visit.store, "%" + digits(phone))).fetchall()
    assert len(appointments) == 1, f"expected one appointment for {phone}, found {appointments}"
    a_stock, starts_at, status, name = appointments[0]
    assert a_stock == stock and status == "booked" and name == visit.name
    assert starts_at == datetime.fromisoformat(slot), f"booked {starts_at}, chose {slot}"
    leads = db.execute(
        "SELECT name, consent FROM leads WHERE store_id = %s AND regexp_replace(coalesce(phone, ''), '\\D', '', 'g') LIKE %s",
        (visit.store, "%" + digits(phone))).fetchall()
    assert leads and all(consent for _, consent in leads), f"expected a consented lead for {phone}, found {leads}"
