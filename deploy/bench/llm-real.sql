-- Figures for BENCHMARKS.md from a database that tests/llm_real has just run against
-- (psql "$E2E_DATABASE_URL" -f deploy/bench/llm-real.sql). Only turns on a model server count
-- (backend openai:…; the other suites' turns use the embedded backend). The fault test's
-- conversation (the last one on the model: server killed mid-stream, then absent) is left out
-- of the model figures and reported on its own line.
\pset footer off
CREATE TEMP VIEW fault_conv AS
  SELECT conversation_id AS id FROM turns WHERE backend LIKE 'openai%' ORDER BY created_at DESC LIMIT 1;
CREATE TEMP VIEW t AS
  SELECT * FROM turns WHERE backend LIKE 'openai%' AND conversation_id NOT IN (SELECT id FROM fault_conv);

\echo '== turns on the real model (fault test excluded)'
SELECT count(*) AS turns,
       round(avg(llm_calls), 2) AS llm_calls_per_turn,
       round(avg(prompt_tokens)) AS prompt_tokens_per_turn,
       round(avg(completion_tokens)) AS completion_tokens_per_turn,
       sum(fallback::int) AS turns_with_fallback,
       sum((guardrail IS NOT NULL)::int) AS turns_guardrail_replaced
FROM t;

\echo '== latency (ms): end-to-end turn vs. the model itself'
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY total_ms) AS total_p50,
       percentile_cont(0.95) WITHIN GROUP (ORDER BY total_ms) AS total_p95,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY llm_ms) AS llm_p50,
       percentile_cont(0.95) WITHIN GROUP (ORDER BY llm_ms) AS llm_p95,
       round(avg(llm_ms::numeric / NULLIF(llm_calls, 0))) AS ms_per_llm_call
FROM t;

\echo '== model tool calls: refused by validation vs. run (caller ends in :model / :refused)'
SELECT count(*) FILTER (WHERE error_code = 'refused_tool_call') AS refused,
       count(*) FILTER (WHERE caller LIKE '%:model') AS run_for_model,
       count(*) FILTER (WHERE caller LIKE '%:model' AND NOT ok) AS run_for_model_failed,
       round(100.0 * count(*) FILTER (WHERE error_code = 'refused_tool_call')
             / NULLIF(count(*) FILTER (WHERE error_code = 'refused_tool_call' OR caller LIKE '%:model'), 0), 1) AS refused_pct,
       count(*) FILTER (WHERE caller NOT LIKE '%:model' AND caller NOT LIKE '%:refused') AS embedded_calls
FROM tool_calls WHERE conversation_id IN (SELECT DISTINCT conversation_id FROM t);

\echo '== refusal reasons'
SELECT tool, count(*) FROM tool_calls
WHERE error_code = 'refused_tool_call' AND conversation_id IN (SELECT DISTINCT conversation_id FROM t)
GROUP BY tool ORDER BY 2 DESC;

\echo '== the fault test conversation (model server killed, then absent)'
SELECT intent, backend, fallback, llm_calls, llm_ms, total_ms FROM turns
WHERE conversation_id IN (SELECT id FROM fault_conv) ORDER BY created_at;
