#!/usr/bin/env python3
"""Drive an envscaler environment from Python over HTTP: reset/step episodes, as an RL trainer would.

Standard library only. Start a server first, e.g.

    pnpm envscaler serve --envs envs/tau2-retail --scenarios out/scenarios --port 8787

then run

    python3 examples/python_gym_client.py --url http://127.0.0.1:8787 --scenario <scenario-id>

The "policy" here is a stand-in that calls one read-only tool and then answers; replace `policy()` with
your model. Observations are OpenAI-format chat messages; the reward arrives when the episode ends.
"""
import argparse
import json
import os
import urllib.error
import urllib.request


class EnvClient:
    def __init__(self, url, token=None):
        self.url = url.rstrip("/")
        self.token = token

    def request(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.url + path, data=data, method=method)
        req.add_header("content-type", "application/json")
        if self.token:
            req.add_header("authorization", "Bearer " + self.token)
        try:
            with urllib.request.urlopen(req, timeout=60) as resp:
                text = resp.read().decode()
                return json.loads(text) if text else None
        except urllib.error.HTTPError as err:
            detail = json.loads(err.read().decode() or "{}").get("error", {})
            raise RuntimeError(f"{method} {path} -> {err.code} {detail.get('code')}: {detail.get('message')}") from None

    def create_session(self, scenario_id):
        return self.request("POST", "/sessions", {"scenarioId": scenario_id})["sessionId"]

    def reset(self, session_id, seed=0):
        return self.request("POST", f"/sessions/{session_id}/reset", {"seed": seed})

    def step(self, session_id, message):
        return self.request("POST", f"/sessions/{session_id}/step", {"message": message})

    def close(self, session_id):
        self.request("DELETE", f"/sessions/{session_id}")


def policy(observation, tools, turn):
    """A placeholder policy: one tool call on the first turn, then a final answer."""
    if turn == 0 and tools:
        tool = tools[0]["function"]
        return {
            "role": "assistant",
            "content": None,
            "tool_calls": [{"id": "call_0", "type": "function", "function": {"name": tool["name"], "arguments": "{}"}}],
        }
    return {"role": "assistant", "content": "I have finished."}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8787")
    parser.add_argument("--scenario", help="scenario id (default: the first the server lists)")
    parser.add_argument("--episodes", type=int, default=1)
    args = parser.parse_args()
    client = EnvClient(args.url, os.environ.get("ENVSCALER_SERVE_TOKEN"))
    scenario = args.scenario or client.request("GET", "/scenarios")["scenarios"][0]["id"]
    for episode in range(args.episodes):
        session = client.create_session(scenario)
        try:
            reset = client.reset(session, seed=episode)
            observation, tools = reset["observation"], reset["info"]["tools"]
            turn, done = 0, False
            while not done:
                result = client.step(session, policy(observation, tools, turn))
                observation = result["observation"]
                done = result["terminated"] or result["truncated"]
                turn += 1
            print(json.dumps({"episode": episode, "scenario": scenario, "steps": turn, "reward": result["reward"],
                              "termination": result["info"].get("termination")}))
        finally:
            client.close(session)


if __name__ == "__main__":
    main()
