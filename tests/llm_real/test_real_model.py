"""Real conversations through the full HTTP chat API with every agent on a real model server.

Whatever the small model says: every turn completes with a 200 and an answer; every model tool
call is validated (invalid ones are refused and recorded); no amount reaches the customer that no
tool computed; tokens and LLM latency are recorded per turn; streamed cards equal the done cards.
"""
import pytest

from llm_helpers import grounded_numbers, say, say_streamed, session, amounts

# The first turn plans no tool, so the model is offered its agent's tools and may call them (each call is
# validated; invalid ones are refused and recorded); the others run their tools before the model writes.
# The test drive is asked for next week's Wednesday at 10:00: inside both stores' hours, and on a later day
# than today at whatever hour CI runs ("Saturday morning" is this morning, or already past, on a Saturday).
CONVERSATIONS = {
    "sh-pudong": ["你好", "20万以内的纯电SUV有哪些", "比亚迪汉EV的续航是多少", "SH24001 落地价多少", "我想下周三上午10点试驾SH24001"],
    "sf-bay": ["hello", "electric SUV under $60k", "what's the range of the Tesla Model Y", "What's the out-the-door price of SF24001?",
               "I'd like to book a test drive for SF24001 on Wednesday next week at 10 am"],
}


def check_turn(db, sid, answer):
    reply = answer["messages"][-1]
    assert reply["role"] == "assistant" and reply["text"].strip(), "an answer is shown"
    grounded = grounded_numbers(db, sid)
    for a in amounts(reply["text"]):
        assert any(abs(a - g) <= max(1.0, 0.005 * g) for g in grounded), f"ungrounded amount {a} in {reply['text']!r}"
    row = db.execute("SELECT llm_calls, prompt_tokens, completion_tokens, llm_ms, fallback, backend FROM turns WHERE id = %s",
                     (answer["turn_id"],)).fetchone()
    assert row is not None, "the turn is persisted"
    llm_calls, prompt, completion, llm_ms, fallback, backend = row
    assert llm_calls >= 1 and llm_ms > 0, "the agent asked the real model; its latency is recorded"
    if not fallback:
        assert prompt > 0, "the model's token usage is recorded"
    return fallback


@pytest.mark.parametrize("store", ["sh-pudong", "sf-bay"])
def test_conversations_complete_grounded_on_the_real_model(llm_server, db, store):
    sid, auth = session(llm_server, store)
    for text in CONVERSATIONS[store]:
        check_turn(db, sid, say(llm_server, sid, auth, text))
    refused = db.execute("SELECT count(*) FROM tool_calls WHERE conversation_id = %s AND error_code = 'refused_tool_call'", (sid,)).fetchone()[0]
    ran = db.execute("SELECT count(*) FROM tool_calls WHERE conversation_id = %s AND ok", (sid,)).fetchone()[0]
    print(f"{store}: tool calls run {ran}, refused {refused}")


@pytest.mark.parametrize("store", ["sh-pudong", "sf-bay"])
def test_streamed_turns_carry_the_same_cards_as_their_done_event(llm_server, db, store):
    sid, auth = session(llm_server, store)
    for text in CONVERSATIONS[store][1:4]:
        events = say_streamed(llm_server, sid, auth, text)
        names = [n for n, _ in events]
        assert names[0] == "route" and names[-1] == "done", names
        done = events[-1][1]
        streamed_cards = [d for n, d in events if n == "card"]
        assert streamed_cards == done["messages"][-1]["cards"]
        check_turn(db, sid, done)
