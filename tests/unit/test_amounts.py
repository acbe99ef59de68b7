"""parsers.amounts as data tables: text -> the money it holds (price-parser style).

Each bug found becomes one more row. Texts are invented for the project.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from parsers.amounts import AmountError, mentions, read_number, transaction_amount


@pytest.mark.parametrize(
    ("printed", "value"),
    [
        ("1,234.56", "1234.56"),
        ("1.234,56", "1234.56"),
        ("1 234,56", "1234.56"),
        ("1\u00a0234,56", "1234.56"),
        ("1,25,000.50", "125000.50"),
        ("12,50", "12.50"),
        ("1,250", "1250"),
        ("1.234.567", "1234567"),
        ("55.000.00", "55000.00"),
        ("10.561", "10.561"),
        ("٣٥٠٫٧٥", "350.75"),
        ("١٬٢٣٤٫٥", "1234.5"),
        ("1'234.50", "1234.50"),
        ("500", "500"),
    ],
)
def test_read_number_conventions(printed: str, value: str) -> None:
    assert read_number(printed) == Decimal(value)


@pytest.mark.parametrize("garbage", ["", ",", "..", "abc"])
def test_read_number_refuses_garbage(garbage: str) -> None:
    with pytest.raises(AmountError):
        read_number(garbage)


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("OMR 10.561 debited from your account", "10.561", "OMR"),
        ("Purchase of ر.ع. 3.250 at CAFE", "3.250", "OMR"),
        ("RO 12.5 spent", "12.500", "OMR"),
        ("AED 1,250.00 was spent", "1250.00", "AED"),
        ("تم خصم 45.50 د.إ من حسابك", "45.50", "AED"),
        ("SAR 99.95 purchase", "99.95", "SAR"),
        ("ر.س 15 تم الخصم", "15.00", "SAR"),
        ("INR 1,25,000.50 credited", "125000.50", "INR"),
        ("Rs.250 debited", "250.00", "INR"),
        ("Rs 99 spent", "99.00", "INR"),
        ("₹ 4,999 paid", "4999.00", "INR"),
        ("$12.30 charged at SHOP", "12.30", "USD"),
        ("USD 7.00 charged", "7.00", "USD"),
        ("US$ 8.10 charged", "8.10", "USD"),
        ("€ 1.234,56 abgebucht", "1234.56", "EUR"),
        ("12,50 EUR débit", "12.50", "EUR"),
        ("£40 sent", "40.00", "GBP"),
        ("NGN 5,000.00 debited", "5000.00", "NGN"),
        ("₦2,500.00 credited", "2500.00", "NGN"),
        ("KES 300.00 received", "300.00", "KES"),
        ("Ksh300.00 received", "300.00", "KES"),
        ("TZS 30000 sent", "30000.00", "TZS"),
        ("Tsh 40,000 received", "40000.00", "TZS"),
        ("ETB 25.00 debited", "25.00", "ETB"),
        ("Birr 100 paid", "100.00", "ETB"),
        ("NPR 300.00 withdrawn", "300.00", "NPR"),
        ("LKR 3,216.00 debited", "3216.00", "LKR"),
        ("PKR 55,000.00 sent", "55000.00", "PKR"),
        ("BDT 1,500 sent", "1500.00", "BDT"),
        ("৳ 200 cash out", "200.00", "BDT"),
        ("THB 2,999.00 spending", "2999.00", "THB"),
        ("฿120 paid", "120.00", "THB"),
        ("โอนเงินออก 1,500.00 บาท", "1500.00", "THB"),
        ("compra de 1.234,56 MT na sua conta", "1234.56", "MZN"),
        ("compra de 99,00, MT na sua conta", "99.00", "MZN"),
        ("MZN 50.00 transferido", "50.00", "MZN"),
        ("JPY 1,200 spent", "1200", "JPY"),
        # A colon after the number ends a sentence; it must not cut the decimals off.
        ("Rs. 75.40: debited", "75.40", "INR"),
        # A shared symbol followed by the ISO code: the code wins.
        ("Cargo por $320.50 MXN en TIENDA", "320.50", "MXN"),
        ("$ 20 CAD charged", "20.00", "CAD"),
        # Currencies without minor units group thousands with a dot or a comma.
        ("Pembelian Rp 75.000 di TOKO", "75000", "IDR"),
        ("Pembelian Rp 75.000,00 di TOKO", "75000", "IDR"),
        ("-120,000VND luc 10:00", "120000", "VND"),
    ],
)
def test_transaction_amount_in_many_currencies(text: str, amount: str, currency: str) -> None:
    found = transaction_amount(text)
    assert found is not None
    assert (found.amount, found.currency) == (Decimal(amount), currency)
    assert str(found.amount) == amount  # quantized to the currency's minor units


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        # The balance, the available limit and the fees are never the transaction amount.
        ("Avl Bal INR 5,000.00. INR 250.00 debited from A/c XX12", "250.00"),
        ("Available balance: AED 900.00; AED 45.00 spent at SHOP", "45.00"),
        ("Credit limit USD 5,000 - USD 20.00 charged", "20.00"),
        ("Fee of KES 15.00 and KES 1,000.00 sent to JOHN", "1000.00"),
        ("الرصيد 100.000 ر.ع. تم خصم 5.000 ر.ع.", "5.000"),
        ("คงเหลือ 9,300.00 บาท เงินเข้า 2,500.00 บาท", "2500.00"),
        ("balance is debited for INR 250.00", "250.00"),
        ("auto pay up to Rs. 75000.00 set; Rs. 2.00 debited", "2.00"),
    ],
)
def test_roles_keep_balances_and_fees_out(text: str, amount: str) -> None:
    found = transaction_amount(text)
    assert found is not None and found.amount == Decimal(amount)


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        ("INR 10.00 spent. Avl Bal INR 90.00", ["amount", "balance"]),
        ("sent TZS 5,000 with fee TZS 100", ["amount", "fee"]),
        ("USD 5 paid, max amount USD 500", ["amount", "limit"]),
        ("ETB 5,000.00 sent, charge of ETB 10.00, with a total of ETB 5010.00", ["amount", "fee", "total"]),
        # "A charge of" is the purchase itself.
        ("A charge of $8.10 was made at SHOP", ["amount"]),
        ("Pending charge for $8.10 at SHOP", ["amount"]),
    ],
)
def test_mention_roles(text: str, roles: list[str]) -> None:
    assert [m.role for m in mentions(text)] == roles


@pytest.mark.parametrize(
    "text",
    [
        "Your OTP is 123456",
        "Call 1800 2662 for help",
        "on 22/06/25 at 20:29",
        "Order 12345 shipped",
        "RS",
        "",
    ],
)
def test_no_money_without_a_currency(text: str) -> None:
    assert transaction_amount(text) is None


@pytest.mark.parametrize(
    ("text", "amounts"),
    [
        ("INR 10.00 debited. Available balance is Rs. 318.64: MY BANK", ["10.00", "318.64"]),
        ("Rs 10:30 pm", []),
        ("debited with Rs.300.00,01-02-2026 10:00", ["300.00"]),  # a comma ends it after the decimals  # a clock time, not money
        ("Rs. 7.0001 credited", []),  # never a shorter number cut out of a longer one
        ("TK 0456xxx789 debited", []),  # a masked account after a currency-like word
    ],
)
def test_numbers_are_read_whole(text: str, amounts: list[str]) -> None:
    assert [str(m.amount) for m in mentions(text)] == amounts


def test_more_decimals_than_the_currency_has_is_not_exact() -> None:
    (m,) = mentions("Rs 5.000 credited")
    assert not m.exact
    (m,) = mentions("OMR 5.000 credited")
    assert m.exact


def test_amounts_are_decimal_never_float() -> None:
    for m in mentions("USD 1.10, EUR 2,20, INR 3 and OMR 4.125"):
        assert isinstance(m.amount, Decimal)
