"""The conversation outlives a page reload; a session the server no longer honours is replaced."""

from widget_page import Widget


def test_reload_keeps_the_session_and_re_renders_the_transcript(base_url, driver, shot):
    w = Widget(driver).load(base_url + "/demo/sh-pudong")
    w.open()
    errors = w.ask("20万以内的纯电SUV有哪些")
    assert not errors, errors
    before = w.messages()
    cards_before = len(w.find_all(".card-vehicle"))
    session = w.stored_session()
    assert session and session["session_id"] and session["session_token"], "the session is kept in localStorage"
    assert [r for r, _ in before].count("user") == 1 and before[-1][0] == "assistant"
    shot(driver, "before-reload")

    driver.refresh()
    w = Widget(driver).load(base_url + "/demo/sh-pudong")
    w.open()
    w.wait(lambda d: len(w.messages()) >= len(before), 15, "the transcript was not re-rendered")
    shot(driver, "after-reload")
    assert w.stored_session() == session, "the reload must reuse the stored session, not make a new one"
    assert w.messages() == before, "the transcript after the reload should match what was shown before"
    assert len(w.find_all(".card-vehicle")) == cards_before, "vehicle cards are part of the transcript"


def test_a_rejected_session_token_starts_a_fresh_session(base_url, driver, shot):
    w = Widget(driver).load(base_url + "/demo/sf-bay")
    w.open()
    first = w.stored_session()
    assert first, "opening the panel creates a session"
    driver.execute_script(
        "var k = Object.keys(localStorage).filter(function (k) { return k.indexOf('showroom.session') === 0; })[0];"
        "var s = JSON.parse(localStorage.getItem(k)); s.session_token = 'not-a-valid-token';"
        "localStorage.setItem(k, JSON.stringify(s));")
    driver.refresh()
    w = Widget(driver).load(base_url + "/demo/sf-bay")
    w.open()
    w.wait(lambda d: (w.stored_session() or {}).get("session_id") not in (None, first["session_id"]), 15,
           "a new session should replace the one whose token was refused")
    shot(driver, "fresh-session")
    assert not w.error_notices(), "a refused token is replaced quietly"
    assert [r for r, _ in w.messages()] == ["assistant"], "the new session shows only its greeting"
