"""A page object for the chat widget: finds things inside its (open) shadow root and waits for turns."""

from datetime import datetime, timedelta, timezone

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

TURN_TIMEOUT = 60  # seconds; a turn on a busy 2-core CI machine
# The server books a test drive only if it starts at least 1 hour after the moment it is booked. The
# form lists slots from that hour on when it loads; the test picks one with this much to spare, so the
# seconds spent filling the form can never push its slot inside the hour (whatever the time of day).
BOOKING_MARGIN = timedelta(hours=1, minutes=30)


class Widget:
    def __init__(self, driver):
        self.d = driver

    # --- locating ------------------------------------------------------------------------------
    def load(self, url):
        self.d.get(url)
        self.wait(lambda d: self.d.execute_script(
            "var h = document.querySelector('showroom-widget');"
            "return !!(h && h.shadowRoot && h.style.display !== 'none' && h.shadowRoot.querySelector('.launcher'));"),
            15, "the widget never appeared on " + url)
        return self

    @property
    def host(self):
        return self.d.find_element(By.CSS_SELECTOR, "showroom-widget")

    @property
    def root(self):
        return self.host.shadow_root

    def find(self, css):
        return self.root.find_element(By.CSS_SELECTOR, css)

    def find_all(self, css):
        return self.root.find_elements(By.CSS_SELECTOR, css)

    @property
    def launcher(self):
        return self.find(".launcher")

    @property
    def panel(self):
        return self.find(".panel")

    @property
    def input(self):
        return self.find("textarea.input")

    def active(self):
        """The focused element inside the shadow root (None when focus is elsewhere)."""
        return self.d.execute_script("return document.querySelector('showroom-widget').shadowRoot.activeElement")

    def wait(self, cond, timeout=TURN_TIMEOUT, message=""):
        return WebDriverWait(self.d, timeout, poll_frequency=0.1).until(cond, message)

    # --- state ---------------------------------------------------------------------------------
    def is_open(self):
        return self.panel.is_displayed()

    def ui_lang(self):
        return self.find(".widget").get_attribute("lang")

    def turns(self):
        return int(self.panel.get_attribute("data-turns") or 0)

    def messages(self):
        """[(role, text)] of the rendered messages, oldest first (cards and actions not included)."""
        return self.d.execute_script("""
            return Array.from(arguments[0].querySelectorAll('.log > .msg:not(.draft)')).map(function (m) {
              var b = m.querySelector('.bubble'); return [m.dataset.role, b ? b.textContent : ''];
            });""", self.root.find_element(By.CSS_SELECTOR, ".body"))

    def message_elements(self, role=None):
        sel = ".log > .msg:not(.draft)" + (f"[data-role='{role}']" if role else "")
        return self.find_all(sel)

    def last_answer(self):
        answers = self.message_elements("assistant") + self.message_elements("staff")
        assert answers, "no answer was rendered"
        return self.message_elements()[-1]

    def error_notices(self):
        return [n.text for n in self.find_all(".notice-error")]

    def stored_session(self):
        return self.d.execute_script(
            "var k = Object.keys(localStorage).filter(function (k) { return k.indexOf('showroom.session') === 0; });"
            "return k.length ? JSON.parse(localStorage.getItem(k[0])) : null;")

    # --- acting --------------------------------------------------------------------------------
    def open(self):
        if not self.is_open():
            self.launcher.click()
        self.wait(lambda d: self.is_open(), 5, "the panel did not open")
        self.wait(lambda d: self.message_elements() or self.error_notices(), 30,
                  "neither a greeting nor a transcript appeared after opening")
        return self

    def ask(self, text):
        """Types text, presses Enter and waits until the turn is over. Returns the new error notices."""
        before, errors = self.turns(), len(self.error_notices())
        box = self.input
        box.click()
        box.send_keys(text)
        box.send_keys(Keys.ENTER)
        self.wait_turn(before)
        return self.error_notices()[errors:]

    def wait_turn(self, before):
        self.wait(lambda d: self.turns() > before and self.panel.get_attribute("data-busy") == "false",
                  TURN_TIMEOUT, "the turn did not finish")

    def transport(self):
        return self.panel.get_attribute("data-transport")

    def streamed_cards(self):
        return int(self.panel.get_attribute("data-stream-cards") or 0)

    # --- cards ---------------------------------------------------------------------------------
    @staticmethod
    def vehicle_stocks(message):
        return [c.get_attribute("data-stock-number") for c in message.find_elements(By.CSS_SELECTOR, ".card-vehicle")]

    @staticmethod
    def quote(message):
        """The quote card of a message as {"total", "currency", "lines": [amount], "text"} or None."""
        cards = message.find_elements(By.CSS_SELECTOR, ".card-quote")
        if not cards:
            return None
        q = cards[0]
        return {
            "total": float(q.get_attribute("data-total")),
            "currency": q.get_attribute("data-currency"),
            "lines": [float(l.get_attribute("data-amount")) for l in q.find_elements(By.CSS_SELECTOR, "tr.line")],
            "text": q.text,
        }

    # --- booking form --------------------------------------------------------------------------
    def booking_form(self):
        return self.find("form.booking")

    def fill_booking(self, name, phone):
        """Fills the open booking form with the first free slot at least BOOKING_MARGIN away, and consent;
        returns (stock_number, slot)."""
        form = self.booking_form()
        self.wait(lambda d: form.get_attribute("data-slots") in ("loaded", "fallback"), 20, "slots never loaded")
        assert form.get_attribute("data-slots") == "loaded", "the form offered no free time slots"
        form.find_element(By.CSS_SELECTOR, "input[name=name]").send_keys(name)
        form.find_element(By.CSS_SELECTOR, "input[name=phone]").send_keys(phone)
        slots = Select(form.find_element(By.CSS_SELECTOR, "select[name=slot]"))
        values = [o.get_attribute("value") for o in slots.options if o.get_attribute("value")]
        assert values, "the slot list is empty"
        slot = pick_slot(values, datetime.now(timezone.utc))
        slots.select_by_value(slot)
        form.find_element(By.CSS_SELECTOR, "input[name=consent]").click()
        return form.get_attribute("data-stock-number"), slot

    def submit_booking(self):
        before = self.turns()
        self.booking_form().find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        self.wait_turn(before)


def pick_slot(values, now):
    """The first offered start (ISO 8601 with offset) at least BOOKING_MARGIN after `now`, else the last one."""
    later = [v for v in values if datetime.fromisoformat(v) >= now + BOOKING_MARGIN]
    return later[0] if later else values[-1]
