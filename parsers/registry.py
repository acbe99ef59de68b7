"""Every dedicated bank parser, one line each. Order matters only for content claims."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from parsers.banks.adcb import ADCB
from parsers.banks.alecu import ALECU
from parsers.banks.amazon_pay import AMAZON_PAY
from parsers.banks.axis_bank import AXIS_BANK
from parsers.banks.bangkok_bank import BANGKOK_BANK
from parsers.banks.bank_muscat import BANK_MUSCAT
from parsers.banks.cbe_bank import CBE_BANK
from parsers.banks.central_bank_of_india import CENTRAL_BANK_OF_INDIA
from parsers.banks.charles_schwab import CHARLES_SCHWAB
from parsers.banks.citizens_bank import CITIZENS_BANK
from parsers.banks.crdb_bank import CRDB_BANK
from parsers.banks.cred import CRED
from parsers.banks.dashen_bank import DASHEN_BANK
from parsers.banks.dhanlaxmi_bank import DHANLAXMI_BANK
from parsers.banks.diamond_trust_bank import DIAMOND_TRUST_BANK
from parsers.banks.e_mola import E_MOLA
from parsers.banks.emirates_islamic import EMIRATES_ISLAMIC
from parsers.banks.emirates_nbd import EMIRATES_NBD
from parsers.banks.everest_bank import EVEREST_BANK
from parsers.banks.fab import FAB
from parsers.banks.faysal_bank import FAYSAL_BANK
from parsers.banks.federal_bank import FEDERAL_BANK
from parsers.banks.greater_bank import GREATER_BANK
from parsers.banks.hdfc_mutual_fund import HDFC_MUTUAL_FUND
from parsers.banks.hsbc_bank import HSBC_BANK
from parsers.banks.huntington_bank import HUNTINGTON_BANK
from parsers.banks.icici_bank import ICICI_BANK
from parsers.banks.idfc_first_bank import IDFC_FIRST_BANK
from parsers.banks.indusind_bank import INDUSIND_BANK
from parsers.banks.jiopay import JIOPAY
from parsers.banks.kasikorn_bank import KASIKORN_BANK
from parsers.banks.kerala_bank import KERALA_BANK
from parsers.banks.kerala_gramin_bank import KERALA_GRAMIN_BANK
from parsers.banks.kotak_bank import KOTAK_BANK
from parsers.banks.laxmi_sunrise_bank import LAXMI_SUNRISE_BANK
from parsers.banks.liv_bank import LIV_BANK
from parsers.banks.m_pesa_mozambique import M_PESA_MOZAMBIQUE
from parsers.banks.m_pesa_tanzania import M_PESA_TANZANIA
from parsers.banks.mashreq_bank import MASHREQ_BANK
from parsers.banks.mixx_by_yas import MIXX_BY_YAS
from parsers.banks.national_savings_bank import NATIONAL_SAVINGS_BANK
from parsers.banks.navi_mutual_fund import NAVI_MUTUAL_FUND
from parsers.banks.navy_federal import NAVY_FEDERAL
from parsers.banks.ndb_bank import NDB_BANK
from parsers.banks.nepal_bank import NEPAL_BANK
from parsers.banks.nmb_bank_nepal import NMB_BANK_NEPAL
from parsers.banks.nmb_tanzania import NMB_TANZANIA
from parsers.banks.old_hickory import OLD_HICKORY
from parsers.banks.pnb_bank import PNB_BANK
from parsers.banks.prime_commercial_bank import PRIME_COMMERCIAL_BANK
from parsers.banks.punjab_sind_bank import PUNJAB_SIND_BANK
from parsers.banks.sampath_bank import SAMPATH_BANK
from parsers.banks.saraswat_bank import SARASWAT_BANK
from parsers.banks.siddhartha_bank import SIDDHARTHA_BANK
from parsers.banks.slice import SLICE
from parsers.banks.south_indian_bank import SOUTH_INDIAN_BANK
from parsers.banks.standard_bank_mozambique import STANDARD_BANK_MOZAMBIQUE
from parsers.banks.standard_chartered_bank import STANDARD_CHARTERED_BANK
from parsers.banks.telebirr import TELEBIRR
from parsers.banks.yes_bank import YES_BANK
from parsers.banks.zemen_bank import ZEMEN_BANK
from parsers.banks.zenith_bank import ZENITH_BANK
from parsers.base import BankParser

BANKS: tuple[BankParser, ...] = (
    BANK_MUSCAT,
    FEDERAL_BANK,
    ICICI_BANK,
    FAB,
    STANDARD_CHARTERED_BANK,
    LIV_BANK,
    INDUSIND_BANK,
    ADCB,
    CHARLES_SCHWAB,
    KOTAK_BANK,
    CRDB_BANK,
    CBE_BANK,
    EMIRATES_ISLAMIC,
    M_PESA_TANZANIA,
    TELEBIRR,
    FAYSAL_BANK,
    EVEREST_BANK,
    NAVY_FEDERAL,
    MASHREQ_BANK,
    EMIRATES_NBD,
    BANGKOK_BANK,
    KASIKORN_BANK,
    HSBC_BANK,
    HUNTINGTON_BANK,
    SOUTH_INDIAN_BANK,
    AXIS_BANK,
    YES_BANK,
    ZEMEN_BANK,
    M_PESA_MOZAMBIQUE,
    NMB_TANZANIA,
    SLICE,
    PNB_BANK,
    MIXX_BY_YAS,
    ALECU,
    AMAZON_PAY,
    CRED,
    GREATER_BANK,
    HDFC_MUTUAL_FUND,
    NATIONAL_SAVINGS_BANK,
    NAVI_MUTUAL_FUND,
    NDB_BANK,
    NMB_BANK_NEPAL,
    OLD_HICKORY,
    PRIME_COMMERCIAL_BANK,
    PUNJAB_SIND_BANK,
    SIDDHARTHA_BANK,
    STANDARD_BANK_MOZAMBIQUE,
    ZENITH_BANK,
    CENTRAL_BANK_OF_INDIA,
    DASHEN_BANK,
    DIAMOND_TRUST_BANK,
    KERALA_BANK,
    SARASWAT_BANK,
    CITIZENS_BANK,
    KERALA_GRAMIN_BANK,
    LAXMI_SUNRISE_BANK,
    NEPAL_BANK,
    SAMPATH_BANK,
    DHANLAXMI_BANK,
    E_MOLA,
    IDFC_FIRST_BANK,
    JIOPAY,
)


def by_name(name: str) -> BankParser | None:
    return next((b for b in BANKS if b.name == name), None)


_DOMAINS: tuple[tuple[BankParser, ...], frozenset[str]] | None = None


def known_domains() -> frozenset[str]:
    # Asked once per message: rebuilt only when the registry changed (registered()).
    global _DOMAINS
    if _DOMAINS is None or _DOMAINS[0] is not BANKS:
        _DOMAINS = (BANKS, frozenset(d.lower() for b in BANKS for d in b.sender_domains))
    return _DOMAINS[1]


@contextmanager
def registered(parser: BankParser) -> Iterator[BankParser]:
    """Put a parser first in the registry for a while (plugins, tests of reprocessing)."""
    global BANKS
    saved = BANKS
    BANKS = (parser, *BANKS)
    try:
        yield parser
    finally:
        BANKS = saved
