"""parsers.negatives as a data table: messages that move no money, and alerts that do.

Counting one of the first kind is worse than missing an alert, so both directions are
tested: every negative gets its reason, every real alert gets None.
"""

from __future__ import annotations

import pytest

from parsers.negatives import non_transaction_reason


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Your OTP for the purchase of INR 500.00 at SHOP is 482910. Do not share it.", "one-time password"),
        ("482910 is your OTP for login", "one-time password"),
        ("Use verification code 5521 to confirm AED 40.00", "one-time password"),
        ("Su código de verificación es 123456", "one-time password"),
        ("Votre code de vérification est 556677", "one-time password"),
        ("رمز التحقق الخاص بك هو 4455", "one-time password"),
        ("Your transaction of USD 25.00 at SHOP was declined due to insufficient funds", "declined or failed payment"),
        ("Payment of Rs 300 failed. Amount will be refunded if debited", "declined or failed payment"),
        ("Su compra por $ 50 fue rechazada", "declined or failed payment"),
        ("Votre paiement de 20 EUR a échoué", "declined or failed payment"),
        ("تم رفض العملية بمبلغ 10 ر.ع.", "declined or failed payment"),
        ("JOHN has requested money INR 500 from you on UPI", "payment request, not a payment"),
        ("Collect request of Rs 99 from SHOP@upi", "payment request, not a payment"),
        ("Your credit card bill of INR 4,500 is due on 05-07-25. Minimum due INR 225", "reminder or due notice"),
        ("EMI of Rs 2,000 will be debited on 05-07-25", "reminder or due notice"),
        ("Recordatorio de pago: fecha de vencimiento 10/07", "reminder or due notice"),
        ("Your debit card XX1234 has been blocked as requested", "card status notice"),
        ("Su tarjeta ha sido bloqueada", "card status notice"),
        ("Net interest INR 248.07 paid on your Deposit No 300***123 on 17/09/25", "interest notice on a deposit"),
        ("Your e-statement for June is ready. Total due INR 0", "statement notice"),
        ("Congratulations! You are pre-approved for a loan of INR 5,00,000. Apply now", "promotion"),
        ("Get 10% cashback on purchases above Rs 999", "promotion"),
        ("Your available balance for a/c XX12 is INR 15,000.50", "balance notice"),
        ("A. PERSON has received Tsh 40,000 on 2026-06-14 19:20", "notice of what someone else received"),
        # Money that has not moved yet.
        ("Your request to send Rs 2,500 to ASHA is under process.", "pending or future movement, not done yet"),
        ("Your wallet transfer of KES 700 is pending. Do not retry.", "pending or future movement, not done yet"),
        ("Your term deposit of Rs 50,000 will mature on 01-05-26.", "pending or future movement, not done yet"),
        ("Cheque 000456 for AED 900.00 has been received for clearing.", "pending or future movement, not done yet"),
        ("Rs 300 will be credited to your account within 3 working days.",
         "pending or future movement, not done yet"),
        ("Su reembolso de 15,00 EUR será acreditado en 5 días.", "pending or future movement, not done yet"),
        ("A pre-authorization of USD 80.00 at GRAND HOTEL was placed on card XX12; this is a hold, not a charge.",
         "pending or future movement, not done yet"),
    ],
)
def test_non_transactions_have_a_reason(text: str, reason: str) -> None:
    assert non_transaction_reason(text) == reason


def test_subject_counts_too() -> None:
    assert non_transaction_reason("Use 123456 to continue", subject="Your OTP is 123456") == "one-time password"


@pytest.mark.parametrize(
    "text",
    [
        "INR 500.00 debited from A/c XX1234 on 22-06-25 to VPA shop@upi. Avl Bal INR 4,500.00",
        "Your card ending 1234 was used for USD 12.30 at COFFEE HOUSE",
        "AED 45.00 spent at MALL using card XX12. Available balance AED 900.00",
        "Dear Customer, Rs 21.00 credited to your a/c XX99 by NEFT from ACME LTD",
        "Big Shop Ltd has received Rs 21.00 from your A/c 7990 via NEFT",  # the customer's own debit
        "You have received KES 300.00 from JOHN DOE 0712000000",
        "Refund of INR 99.00 credited to your card XX12 for the cancelled order",
        "Cashback of INR 25 credited to your account XX12",  # a credit, not an offer
        "تم خصم 5.000 ر.ع. من حسابك",
        "Compra de 20,00 EUR con tu tarjeta en TIENDA",
        # A done movement stays one even when a future one is mentioned.
        "Rs 400.00 spent on card XX12 at SHOP. Cashback will be credited within 30 days.",
        "Pending charge for $12.00 on 03/01 at CORNER STORE",
        "",
    ],
)
def test_real_alerts_are_not_refused(text: str) -> None:
    assert non_transaction_reason(text) is None
