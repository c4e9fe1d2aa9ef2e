"""An aiosmtpd handler for the tests: aiosmtpd's Mailbox (every accepted message is a file in a
maildir), which also prints one line per event on stdout for the test to wait on:
  ACCEPTED <message-id>   after the message is in the maildir, just before the 250 reply;
  HOLDING <message-id>    when message number HOLD_AT (1-based; 0 = never) has arrived: it is not
                          stored and never answered, so the sender is stuck between its claim and the
                          server's acceptance for as long as the test likes (then kills it).
Usage: python3 -m aiosmtpd -n -l 127.0.0.1:PORT -c test_smtp_handler.TestMailbox MAILDIR HOLD_AT
"""
import asyncio
from email import message_from_bytes

from aiosmtpd.handlers import Mailbox


class TestMailbox(Mailbox):
    def __init__(self, mail_dir, hold_at):
        super().__init__(mail_dir)
        self.hold_at = int(hold_at)
        self.arrived = 0

    async def handle_DATA(self, server, session, envelope):
        self.arrived += 1
        message_id = message_from_bytes(envelope.original_content or envelope.content).get("Message-ID", "")
        if self.arrived == self.hold_at:
            print(f"HOLDING {message_id}", flush=True)
            await asyncio.Event().wait()
        reply = await super().handle_DATA(server, session, envelope)
        print(f"ACCEPTED {message_id}", flush=True)
        return reply

    @classmethod
    def from_cli(cls, parser, *args):
        if len(args) != 2:
            parser.error("usage: MAILDIR HOLD_AT")
        return cls(args[0], args[1])
