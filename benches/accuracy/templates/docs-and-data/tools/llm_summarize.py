import os
import sys

import anthropic
from openai import OpenAI

OPENAI_API_KEY = "«openai»" ⟦+provider⟧
ANTHROPIC_KEY = "«anthropic»" ⟦+provider⟧
HF_TOKEN = "«hf»" ⟦+provider⟧
MODEL = "gpt-4o-mini"


def summarize_openai(text: str) -> str:
    client = OpenAI(api_key=os.getenv("OPENAI_API_KEY", OPENAI_API_KEY)) ⟦-⟧
    resp = client.chat.completions.create(
        model=MODEL,
        messages=[{"role": "user", "content": f"Summarize this support ticket:\n\n{text}"}],
        max_tokens=200,
    )
    return resp.choices[0].message.content


def summarize_claude(text: str) -> str:
    client = anthropic.Anthropic(api_key=ANTHROPIC_KEY) ⟦-⟧
    msg = client.messages.create(
        model="claude-3-haiku-20240307",
        max_tokens=200,
        messages=[{"role": "user", "content": f"Summarize:\n\n{text}"}],
    )
    return msg.content[0].text


if __name__ == "__main__":
    print(summarize_openai(sys.stdin.read()))
