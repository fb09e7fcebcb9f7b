"""Issue 23's texts scenario (bench/run.sh).

  texts.py send BASE KEY FIRST LAST
      asks for a link by text for each invoice id FIRST..LAST through the API, 32 at a time, all at once as far as the
      machine allows; prints each answer's HTTP status, one per line.
  texts.py hashes TWILIO SID TOKEN NUMBER
      every message the local Twilio-compatible server holds for NUMBER, through Twilio's own list API (paged), as the
      sha-256 (hex) of the link token in its body, one per line: the same link texted twice shows twice.
"""
import base64
import concurrent.futures
import hashlib
import json
import re
import sys
import urllib.error
import urllib.parse
import urllib.request


def send(base, key, first, last):
    def one(invoice):
        request = urllib.request.Request(f"{base}/api/invoices/{invoice}/payment-links", method="POST",
                                         data=b'{"channels":["text"]}',
                                         headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=60) as answer:
                return answer.status
        except urllib.error.HTTPError as e:
            return e.code
        except OSError:
            return 0
    with concurrent.futures.ThreadPoolExecutor(32) as pool:
        for status in pool.map(one, range(int(first), int(last) + 1)):
            print(status)


def hashes(twilio, sid, token, number):
    auth = "Basic " + base64.b64encode(f"{sid}:{token}".encode()).decode()
    uri = f"/2010-04-01/Accounts/{sid}/Messages.json?" + urllib.parse.urlencode({"To": number, "PageSize": 1000})
    while uri:
        request = urllib.request.Request(twilio + uri, headers={"Authorization": auth})
        with urllib.request.urlopen(request, timeout=60) as answer:
            page = json.load(answer)
        for message in page["messages"]:
            found = re.search(r"/pay/([A-Za-z0-9_-]+)", message.get("body") or "")
            if found:
                print(hashlib.sha256(found.group(1).encode()).hexdigest())
        uri = page.get("next_page_uri")


if __name__ == "__main__":
    {"send": send, "hashes": hashes}[sys.argv[1]](*sys.argv[2:])
