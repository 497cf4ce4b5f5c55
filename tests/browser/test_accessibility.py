"""Keyboard use, focus handling, ARIA, phone width, and styles that stay on their side of the shadow root."""

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from widget_page import Widget


def rect(driver, element):
    return driver.execute_script(
        "var r = arguments[0].getBoundingClientRect(); return [r.left, r.top, r.width, r.height];", element)


def test_phone_width_panel_fills_the_screen_and_the_keyboard_works(base_url, driver, shot):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": 390, "height": 844, "deviceScaleFactor": 3, "mobile": True})
    w = Widget(driver).load(base_url + "/demo/sf-bay")
    shot(driver, "page")

    launcher = w.launcher
    assert launcher.tag_name == "button" and launcher.get_attribute("aria-label"), "the launcher is a labelled button"
    assert launcher.get_attribute("aria-expanded") == "false"

    for _ in range(80):  # Tab through the page until the launcher has focus
        ActionChains(driver).send_keys(Keys.TAB).perform()
        if w.active() == launcher:
            break
    assert w.active() == launcher, "the launcher is reachable with Tab"
    shot(driver, "launcher-focused")
    outline = driver.execute_script("return getComputedStyle(arguments[0]).outlineStyle", launcher)
    assert outline not in ("none", ""), "the focused launcher shows a focus ring"

    ActionChains(driver).send_keys(Keys.ENTER).perform()
    w.wait(lambda d: w.is_open(), 5, "Enter on the launcher opens the panel")
    panel = w.panel
    assert panel.get_attribute("role") == "dialog" and panel.get_attribute("aria-label")
    assert w.find(".log").get_attribute("aria-live") == "polite"
    assert w.active() == w.input, "focus moves to the message box"
    assert launcher.get_attribute("aria-expanded") == "true"
    full = lambda d: [round(v) for v in rect(driver, panel)] == [0, 0, 390, 844]
    w.wait(full, 3, f"the panel should fill the 390x844 screen, got {rect(driver, panel)}")  # after its opening animation
    w.wait(lambda d: w.message_elements(), 30, "no greeting")
    shot(driver, "panel-open")

    ActionChains(driver).send_keys(Keys.TAB).perform()
    assert w.active() == w.find("button.send"), "Tab moves from the message box to the send button"

    ActionChains(driver).send_keys(Keys.ESCAPE).perform()
    w.wait(lambda d: not w.is_open(), 5, "Escape closes the panel")
    assert w.active() == launcher, "closing returns focus to the launcher"
    assert launcher.get_attribute("aria-expanded") == "false"
    shot(driver, "closed")


def test_booking_form_is_keyboard_operable(base_url, driver, shot):
    w = Widget(driver).load(base_url + "/demo/sh-pudong")
    w.open()
    assert not w.ask("20万以内的纯电SUV有哪些")
    drive = w.find_all(".card-vehicle .vehicle-drive")
    assert drive, "vehicle cards offer a test-drive button"
    drive[0].send_keys(Keys.ENTER)
    form = w.booking_form()
    assert w.active() == form.find_element("css selector", "input[name=name], select[name=stock_number]"), \
        "opening the form focuses its first field"
    shot(driver, "form-open")

    form.find_element("css selector", "button[type=submit]").click()  # nothing filled in
    error = form.find_element("css selector", ".form-error")
    assert error.text, "submitting an empty form explains what is missing"
    assert w.active().get_attribute("aria-invalid") == "true", "focus goes to the field to fix"
    assert w.turns() == 1, "an incomplete form sends nothing"
    shot(driver, "form-invalid")

    ActionChains(driver).send_keys(Keys.ESCAPE).perform()
    w.wait(lambda d: not w.find_all("form.booking"), 5, "Escape closes the form")
    assert w.is_open(), "Escape closes the form first, not the panel"
    assert w.active() == drive[0], "focus returns to the button that opened the form"


def test_styles_do_not_leak_in_either_direction(base_url, driver, shot):
    driver.get(base_url + "/demo/sf-bay")
    driver.execute_script("""
        var s = document.createElement('style');
        s.textContent = 'button { background: rgb(255, 0, 0) !important; font-size: 40px !important; }'
          + ' .launcher, .panel, .card { display: none !important; } * { color: rgb(0, 200, 0) !important; }';
        document.head.appendChild(s);
        var b = document.createElement('button'); b.className = 'launcher'; b.id = 'page-launcher'; b.textContent = 'x';
        document.body.appendChild(b);""")
    w = Widget(driver)
    w.wait(lambda d: d.execute_script(
        "var h = document.querySelector('showroom-widget'); return !!(h && h.style.display !== 'none');"), 15)
    shot(driver, "hostile-page")
    launcher = w.launcher
    style = driver.execute_script(
        "var c = getComputedStyle(arguments[0]); return [c.backgroundColor, c.fontSize, c.color, c.display];", launcher)
    assert style[0] != "rgb(255, 0, 0)" and style[1] != "40px", f"page button styles reached the widget: {style}"
    assert style[2] != "rgb(0, 200, 0)" and style[3] != "none", f"page styles reached the widget: {style}"
    page_button = driver.find_element("id", "page-launcher")
    position = driver.execute_script("return getComputedStyle(arguments[0]).position", page_button)
    assert position == "static", "the widget's .launcher rule must not style the page's own .launcher"

    driver.set_window_size(1280, 900)
    w.open()
    left, top, width, height = rect(driver, w.panel)
    assert width < 480 and height < 900 and left > 600, f"on a desktop the panel is a corner popup, got {left, top, width, height}"
    shot(driver, "desktop-panel")
