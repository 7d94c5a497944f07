"""The load driver of `make bench` and `make soak`: locustfile.py (run by locust, in its
own process) and her_path.py (her path and answers, shared with scripts/bench_stack.py)."""
