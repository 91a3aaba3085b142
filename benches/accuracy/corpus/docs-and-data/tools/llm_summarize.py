import os
import sys

import anthropic
from openai import OpenAI

OPENAI_API_KEY = "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"
ANTHROPIC_KEY = "sk-ant-api03-lYONgEUsYx1ihEeGY14iiMyD5FN-kvkdgK7FI0b4iiLl3Ezomr0odA_v4-ffDNH0qdN7VExMzj83pcgPIrWZHt7OSGqx7AA"
HF_TOKEN = "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"
MODEL = "gpt-4o-mini"


def summarize_openai(text: str) -> str:
    client = OpenAI(api_key=os.getenv("OPENAI_API_KEY", OPENAI_API_KEY))
    resp = client.chat.completions.create(
        model=MODEL,
        messages=[{"role": "user", "content": f"Summarize this support ticket:\n\n{text}"}],
        max_tokens=200,
    )
    return resp.choices[0].message.content


def summarize_claude(text: str) -> str:
    client = anthropic.Anthropic(api_key=ANTHROPIC_KEY)
    msg = client.messages.create(
        model="claude-3-haiku-20240307",
        max_tokens=200,
        messages=[{"role": "user", "content": f"Summarize:\n\n{text}"}],
    )
    return msg.content[0].text


if __name__ == "__main__":
    print(summarize_openai(sys.stdin.read()))
