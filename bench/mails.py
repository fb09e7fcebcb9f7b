"""Counts, in the messages a bench SMTP sink wrote (DIR/N.eml), how many mention each of the given words (invoice or
receipt numbers) in their subject or text, with MIME decoded. Prints 'word<TAB>count' for every word given on stdin;
with --message-ids also the number of distinct Message-IDs among those messages ('word<TAB>count<TAB>ids').
--subject-with RE / --subject-without RE keep only the messages whose subject matches / does not match RE (the cluster
test tells a receipt from a refund's email that way)."""
import email
import email.policy
import pathlib
import re
import sys

ids = '--message-ids' in sys.argv


def option(name):
    return re.compile(sys.argv[sys.argv.index(name) + 1]) if name in sys.argv else None


subject_with, subject_without = option('--subject-with'), option('--subject-without')
texts = []
for f in sorted(pathlib.Path(sys.argv[1]).glob('*.eml')):
    msg = email.message_from_bytes(f.read_bytes(), policy=email.policy.default)
    subject = str(msg.get('Subject', ''))
    if (subject_with and not subject_with.search(subject)) or (subject_without and subject_without.search(subject)):
        continue
    body = msg.get_body(preferencelist=('plain', 'html'))
    texts.append((subject + '\n' + (body.get_content() if body else ''), str(msg.get('Message-ID', ''))))
for word in (w.strip() for w in sys.stdin if w.strip()):
    pattern = re.compile(r'(?<![\w-])' + re.escape(word) + r'(?![\w-])')
    found = [mid for text, mid in texts if pattern.search(text)]
    print(f'{word}\t{len(found)}' + (f'\t{len(set(found))}' if ids else ''))
