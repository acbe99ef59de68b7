"""parsers.masks as a data table: alert text -> the account or card mask as printed."""

from __future__ import annotations

import pytest

from parsers.masks import account_mask, all_masks, card_mask, last_digits


@pytest.mark.parametrize(
    ("text", "mask"),
    [
        ("Your account xxxx0019 was debited", "xxxx0019"),
        ("card 4837**** ****1518 used at CAFE", "4837********1518"),
        ("A/C XX1234 debited", "XX1234"),
        ("Acct XX051 debited for Rs 180", "XX051"),
        ("your card ending 1234 was charged", "1234"),
        ("card ending with 5678 was used", "5678"),
        ("Visa card ending in 4321", "4321"),
        ("a/c no. XXXXXXXX1234 is credited", "XXXXXXXX1234"),
        ("Acct ...1234 debited", "...1234"),
        ("Account 146******325 credited", "146******325"),
        ("Account 1*********9388 has been debited", "1*********9388"),
        ("A/c 074-260***-006 is credited", "074-260***-006"),
        # The account the card draws on is where the money left.
        ("debit card XXX1234 linked to acc. XXX810001", "XXX810001"),
        ("Your Debit card number 5111**** ****2222 was used. Account number : xxxx3344", "xxxx3344"),
        ("Acct CK4455 has a $10.00 bal", "CK4455"),
        ("balance for a/c no SBA7788 is", "SBA7788"),
        ("A/C 0#27 withdrawn NPR 100", "0#27"),
        ("credited to your bank account '6611*****4321'.", "6611*****4321"),
        ("Compra aprovada no cartão final 4433", "4433"),
        ("Cargo con tu tarjeta terminación 5566", "5566"),
        ("บช x1234 คงเหลือ", "x1234"),
        ("Card:4232***0581 Date:17.01.25", "4232***0581"),
        ("**1234 had a transaction of ($15.00)", "**1234"),
    ],
)
def test_account_mask_shapes(text: str, mask: str) -> None:
    assert account_mask(text) == mask


@pytest.mark.parametrize(
    ("text", "direction", "mask"),
    [
        # A debit leaves the customer's account: the one money came from.
        ("PKR 500 sent to JOHN A/C *9901 via IBFT from FBL A/C *1234 on 06-FEB-26", "debit", "*1234"),
        # A credit lands in the customer's account: the one money went to.
        ("PKR 500 received from JOHN A/C *9901 to your A/C *1234", "credit", "*1234"),
        ("ETB 50 received from wallet account number 251900000000 to your bank account '1234*****5678'", "credit",
         "1234*****5678"),
        # Without a side the first labelled mask stands.
        ("PKR 500 sent to JOHN A/C *9901 via IBFT from FBL A/C *1234", None, "*9901"),
    ],
)
def test_direction_picks_the_customers_side(text: str, direction: str | None, mask: str) -> None:
    assert account_mask(text, direction) == mask


def test_card_mask() -> None:
    assert card_mask("debit card XXX1234 linked to acc. XXX810001") == "XXX1234"
    assert card_mask("A/C XX12 debited") is None


@pytest.mark.parametrize(
    "text",
    ["Rs 500 debited on 22/06/25", "Call 1800-425-1809", "Your OTP is 1234", "", "xxxx"],
)
def test_no_mask(text: str) -> None:
    assert account_mask(text) is None


def test_all_masks_in_order_found() -> None:
    assert [m for _pos, m in all_masks("from A/C XX12 to A/C XX34")] == ["XX12", "XX34"]


@pytest.mark.parametrize(
    ("mask", "last"),
    [("4837********1518", "1518"), ("XX051", "051"), ("074-260***-006", "0006"), (None, None), ("xxxx", None)],
)
def test_last_digits(mask: str | None, last: str | None) -> None:
    assert last_digits(mask) == last
