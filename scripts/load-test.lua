-- wrk script for scripts/load-test.sh: every request POSTs the example province to /v1/evaluate.
-- wrk -t2 -c8 -d30s --latency -s scripts/load-test.lua http://127.0.0.1:PORT/v1/evaluate
-- The body file is given by the environment (LOAD_BODY), else docs/examples/bac-giang-2022.json. wrk counts
-- answers other than 2xx/3xx itself ("Non-2xx or 3xx responses"); the bytes are checked by LoadAndFaults.
local path = os.getenv("LOAD_BODY") or "docs/examples/bac-giang-2022.json"
local file = assert(io.open(path, "rb"))
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "application/json"
