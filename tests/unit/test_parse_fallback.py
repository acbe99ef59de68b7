"""A bank parser that claims a message but knows none of its wordings hands it to the generic parser.

A bank writes a new alert wording, or another bank's alert names a bank we have a parser
for ("... paid to your Emirates NBD card"): the bank parser claims it (by sender or by the
mention), matches no template, and the mail used to stay unread. Now the generic parser
reads it when it can; when it cannot, the bank parser's answer stands. A parser forced by
name is never second-guessed.
"""

from __future__ import annotations

from decimal import Decimal
from email.message import EmailMessage

import parsers
from parsers.base import Direction, Status
from tests.support import mails


def mail(text: str, sender: str = "alerts@bank.example", subject: str = "Transaction alert") -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "me@example.org"
    msg["Subject"] = subject
    msg["Date"] = "Mon, 16 Nov 2026 10:00:00 +0000"
    msg["Message-ID"] = "<fallback@bank.example>"
    msg.set_content(text)
    return msg.as_bytes()


OTHER_BANK_NAMING_ENBD = ("Your Credit Card ending 1001 was used for AED 230.00 at CARREFOUR on 16-Nov-2026.\n"
                          "Emirates NBD account holders: pay this card from the ENBD app.")


def test_another_banks_alert_that_names_a_known_bank_is_read_by_the_generic_parser():
    result = parsers.parse_message(mail(OTHER_BANK_NAMING_ENBD))
    assert result.status is Status.TRANSACTION
    assert result.parser == "generic"
    assert "no emirates_nbd wording matched" in result.reason
    t = result.transaction
    assert t is not None
    assert (t.amount, t.currency, t.direction, t.merchant) == (Decimal("230.00"), "AED", Direction.DEBIT, "CARREFOUR")


def test_a_new_wording_from_the_banks_own_sender_is_read_by_the_generic_parser():
    text = "Bank Muscat: OMR 12.500 was debited from your account xxxx0019 for a payment to OMANTEL on 16/11/2026."
    bank_only = parsers.parse_message(mail(text, sender="noreply@bankmuscat.com"), parser="bank_muscat")
    assert bank_only.status is Status.UNRECOGNIZED  # no Bank Muscat template has this wording

    result = parsers.parse_message(mail(text, sender="noreply@bankmuscat.com"))

    assert result.status is Status.TRANSACTION and result.parser == "generic"
    assert "no bank_muscat wording matched" in result.reason
    t = result.transaction
    assert t is not None and (t.amount, t.currency, t.direction) == (Decimal("12.500"), "OMR", Direction.DEBIT)


def test_when_the_generic_parser_cannot_read_it_either_the_bank_parsers_answer_stands():
    text = "Emirates NBD: thank you for banking with us. Your statement is ready."
    result = parsers.parse_message(mail(text))
    assert result.status is not Status.TRANSACTION
    if result.status is Status.UNRECOGNIZED:
        assert result.parser == "emirates_nbd"
        assert result.reason == "a emirates_nbd message in no known alert template"


def test_a_forced_parser_is_not_second_guessed():
    result = parsers.parse_message(mail(OTHER_BANK_NAMING_ENBD), parser="emirates_nbd")
    assert (result.status, result.parser) == (Status.UNRECOGNIZED, "emirates_nbd")


def test_a_bank_parsers_own_not_a_transaction_is_kept():
    # A wording the bank parser knows is not money moving (here: the generic negatives it
    # applies itself) is not read again by the generic parser.
    text = "Emirates NBD: Your OTP for the purchase of AED 230.00 at CARREFOUR is 123456."
    result = parsers.parse_message(mail(text))
    assert result.status is Status.NOT_TRANSACTION


BANK_MUSCAT_SMS = ("Your card ending 7305 was used for OMR 3.200 at CAFE CORNICHE MUTTRAH on 10/11/26 21:05. "
                   "Bank Muscat")


def test_a_bank_muscat_alert_with_a_loose_refusal_phrase_in_a_footer_still_counts():
    # The generic parser refuses "You have earned 15 points for your purchase" or "a payment
    # scheduled for ..." on its own; a Bank Muscat template that matched is not second-guessed
    # by such loose phrases (a real alert's footer can hold them).
    for footer in ("You have earned 15 points for your purchase.", "Your next card payment is scheduled for 01/12.",
                   "We received your dispute for an earlier purchase.", "Couldn't pay? Call us."):
        result = parsers.parse_message(mail(f"{BANK_MUSCAT_SMS}\n{footer}", sender="NOREPLY@bankmuscat.com"))
        assert (result.status, result.parser) == (Status.TRANSACTION, "bank_muscat"), footer
        # The same phrase with an amount, from a bank we have no parser for: refused.
        alone = parsers.parse_message(mail(footer.replace(".", " of OMR 3.200."), sender="alerts@bank.example"))
        assert (alone.status, alone.parser) == (Status.NOT_TRANSACTION, "generic"), footer


def test_a_promotional_footer_does_not_refuse_a_real_alert_but_a_conditional_bonus_is_an_offer():
    real = parsers.parse_message(mail("Your card ending 1234 was used for USD 42.00 at SHELL on 16/11/2026. "
                                      "Need cash? Get a personal loan. Apply now!"), parser="generic")
    assert real.status is Status.TRANSACTION
    offer = parsers.parse_message(mail("Apply now for a credit card with AED 500 welcome bonus credited on "
                                       "approval."), parser="generic")
    assert offer.status is Status.NOT_TRANSACTION


NEW_MUSCAT_WORDING = ("Bank Muscat: OMR 12.500 was debited from your account xxxx4411 for a payment to OMANTEL "
                      "on 16/11/2026.")


def signed(raw: bytes, domain: str) -> bytes:
    return f"Authentication-Results: {mails.dkim_pass(domain)}\r\n".encode() + raw


def test_a_new_wording_from_the_banks_authenticated_sender_stays_that_banks():
    """Read by the generic parser, but the bank of record (and so the account row) is the
    bank's: a second 'generic' account of the same card split its history and balance."""
    raw = signed(mail(NEW_MUSCAT_WORDING, sender="noreply@bankmuscat.com"), "bankmuscat.com")
    result = parsers.parse_message(raw, trusted_authserv_ids=[mails.AUTHSERV])
    assert (result.status, result.parser, result.bank) == (Status.TRANSACTION, "generic", "bank_muscat")
    assert result.transaction is not None and result.transaction.account == "xxxx4411"


def test_a_mere_mention_of_a_bank_or_an_unproven_sender_is_not_that_banks():
    # Another bank's alert naming Emirates NBD: read, but not Emirates NBD's.
    other = parsers.parse_message(signed(mail(OTHER_BANK_NAMING_ENBD), "bank.example"),
                                  trusted_authserv_ids=[mails.AUTHSERV])
    assert (other.status, other.bank) == (Status.TRANSACTION, "generic")
    # The bank's From without a trusted dkim=pass proves nothing (and is never counted).
    unproven = parsers.parse_message(mail(NEW_MUSCAT_WORDING, sender="noreply@bankmuscat.com"),
                                     trusted_authserv_ids=[mails.AUTHSERV])
    assert unproven.bank == "generic" and unproven.authentication is not None
    assert unproven.authentication.suspicious
