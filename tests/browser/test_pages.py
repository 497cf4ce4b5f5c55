"""The demo pages a person opens: the group page `/` with a working assistant for either store, and the
vehicle detail page, whose assistant talks about that car even when the conversation began elsewhere."""

from selenium.webdriver.common.by import By

from widget_page import Widget

VEHICLE_PAGE = "/demo/sh-pudong/vehicle"
PAGE_STOCK = "SH24001"  # the car of demo-sh-pudong-vehicle.html (data-stock-number)


def store_button(driver, store):
    return driver.find_element(By.CSS_SELECTOR, f".try button[data-store='{store}']")


def test_the_group_page_has_an_assistant_for_each_store(base_url, db, driver, shot):
    w = Widget(driver).load(base_url + "/")
    shot(driver, "page")
    # The hero text is not hidden under the store cards that rise into the header.
    hidden = driver.execute_script("""
        var p = document.querySelector('.hero p').getBoundingClientRect();
        var cards = document.querySelector('.stores').getBoundingClientRect();
        return p.bottom > cards.top;""")
    assert not hidden, "the hero paragraph runs under the store cards"

    # The browser speaks English (--lang=en-US): San Francisco first, in English.
    assert w.host.get_attribute("data-store") == "sf-bay"
    assert store_button(driver, "sf-bay").get_attribute("aria-pressed") == "true"
    w.open()
    assert w.ui_lang() == "en"
    greeting = w.messages()[0]
    assert greeting[0] == "assistant" and "San Francisco" in greeting[1], greeting
    errors = w.ask("What are your hours?")
    assert not errors, errors
    shot(driver, "san-francisco")
    sf_session = w.stored_session()

    # The switch moves the one widget to Shanghai: its own session, in Chinese.
    store_button(driver, "sh-pudong").click()
    w.wait(lambda d: w.host.get_attribute("data-store") == "sh-pudong", 5, "the widget did not switch stores")
    w.wait(lambda d: w.messages() and w.messages()[0][0] == "assistant", 20, "no greeting from the Shanghai store")
    assert w.ui_lang() == "zh-CN"
    assert store_button(driver, "sh-pudong").get_attribute("aria-pressed") == "true"
    assert store_button(driver, "sf-bay").get_attribute("aria-pressed") == "false"
    assert "上海" in w.messages()[0][1] and len(w.messages()) == 1, w.messages()
    errors = w.ask("20万以内的纯电SUV有哪些")
    assert not errors, errors
    stocks = Widget.vehicle_stocks(w.last_answer())
    assert stocks and all(s.startswith("SH") for s in stocks), f"Shanghai cards expected, got {stocks}"
    shot(driver, "shanghai")
    rows = db.execute("SELECT store_id, locale FROM conversations WHERE id = %s",
                      (w.stored_session()["session_id"],)).fetchall()
    assert rows == [("sh-pudong", "zh-CN")], rows

    # Back to San Francisco: its conversation is still there.
    store_button(driver, "sf-bay").click()
    w.wait(lambda d: w.host.get_attribute("data-store") == "sf-bay", 5, "the widget did not switch back")
    w.wait(lambda d: len(w.messages()) >= 3, 20, "the San Francisco transcript did not come back")
    assert w.stored_session() == sf_session or driver.execute_script(
        "return JSON.parse(localStorage.getItem('showroom.session.v1:sf-bay')).session_id") == sf_session["session_id"]
    assert w.ui_lang() == "en" and "hours" in " ".join(t for _, t in w.messages())


def test_a_fresh_vehicle_page_greets_about_its_car(base_url, driver, shot):
    w = Widget(driver).load(base_url + VEHICLE_PAGE)
    w.open()
    shot(driver, "greeting")
    first = w.message_elements()[0]
    assert Widget.vehicle_stocks(first) == [PAGE_STOCK]
    assert "宋L" in w.messages()[0][1] and "售价" in w.messages()[0][1]


def test_the_vehicle_page_moves_a_running_conversation_to_its_car(base_url, db, driver, shot):
    # A conversation about other cars on the store page...
    w = Widget(driver).load(base_url + "/demo/sh-pudong")
    w.open()
    assert not w.ask("20万以内的纯电SUV有哪些")
    session = w.stored_session()
    before = len(w.messages())

    # ...continues on the vehicle page, which adds a message about its car and makes it the focus.
    driver.get(base_url + VEHICLE_PAGE)
    w = Widget(driver).load(base_url + VEHICLE_PAGE)
    w.open()
    w.wait(lambda d: len(w.messages()) == before + 1, 20, "no message about the page's car was added")
    shot(driver, "moved-to-car")
    assert w.stored_session() == session, "the conversation goes on in the same session"
    last = w.message_elements()[-1]
    assert Widget.vehicle_stocks(last) == [PAGE_STOCK]
    assert "宋L" in w.messages()[-1][1] and "欢迎" not in w.messages()[-1][1], "no second welcome, but the car"
    context = db.execute("SELECT vehicle_context->>'stock_number', profile->>'focus_stock' FROM conversations WHERE id = %s",
                         (session["session_id"],)).fetchone()
    assert context == (PAGE_STOCK, PAGE_STOCK), context

    # The page's own "问问落地价" button now prices this car.
    turns = w.turns()
    driver.find_element(By.XPATH, "//button[contains(., '问问落地价')]").click()
    w.wait_turn(turns)
    shot(driver, "page-button-price")
    answer = w.last_answer()
    quote = Widget.quote(answer)
    assert quote is not None, f"the price question got no quote: {w.messages()[-1]}"
    price = db.execute("SELECT list_price FROM inventory_units WHERE store_id = 'sh-pudong' AND stock_number = %s",
                       (PAGE_STOCK,)).fetchone()[0]
    assert float(price) in quote["lines"], f"the quote should price {PAGE_STOCK} (list {price}): {quote}"

    # A reload on the same page does not add the message again.
    count = len(w.messages())
    driver.refresh()
    w = Widget(driver).load(base_url + VEHICLE_PAGE)
    w.open()
    w.wait(lambda d: len(w.messages()) >= count, 15, "the transcript was not re-rendered")
    assert len(w.messages()) == count


def test_the_widget_follows_the_customers_language(base_url, driver, shot):
    w = Widget(driver).load(base_url + "/demo/sf-bay")
    w.open()
    assert w.ui_lang() == "en"
    assert not w.ask("你们几点关门？")
    shot(driver, "switched-to-chinese")
    assert w.ui_lang() == "zh-CN", "the widget switches to the customer's language"
    assert w.input.get_attribute("placeholder") == "问问车型、价格、试驾…"
    answer = w.messages()[-1][1]
    assert any("\u4e00" <= ch <= "\u9fff" for ch in answer), f"the answer should be in Chinese: {answer}"
    assert not w.ask("What are your hours on Saturday?")
    assert w.ui_lang() == "en" and w.input.get_attribute("placeholder").startswith("Ask about")
