import os
import sys

import anthropic
from openai import OpenAI

OPENAI_API_KEY = "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"
ANTHROPIC_KEY = "sk-ant-api03-GlThw-ZqyC85Nn7Jf30xIOdZh-NRwhUTv3L-Smo927U2aT1yVPMm5nYtffRcvy0Dxo5pCJFz2B30M8KVM-w8MDaD3vSS1AA"
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
