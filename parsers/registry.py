"""Every dedicated bank parser, one line each. Order matters only for content claims."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from parsers.banks.adcb import ADCB
from parsers.banks.axis_bank import AXIS_BANK
from parsers.banks.bangkok_bank import BANGKOK_BANK
from parsers.banks.bank_muscat import BANK_MUSCAT
from parsers.banks.cbe_bank import CBE_BANK
from parsers.banks.charles_schwab import CHARLES_SCHWAB
from parsers.banks.crdb_bank import CRDB_BANK
from parsers.banks.emirates_islamic import EMIRATES_ISLAMIC
from parsers.banks.emirates_nbd import EMIRATES_NBD
from parsers.banks.everest_bank import EVEREST_BANK
from parsers.banks.fab import FAB
from parsers.banks.faysal_bank import FAYSAL_BANK
from parsers.banks.federal_bank import FEDERAL_BANK
from parsers.banks.hsbc_bank import HSBC_BANK
from parsers.banks.huntington_bank import HUNTINGTON_BANK
from parsers.banks.icici_bank import ICICI_BANK
from parsers.banks.indusind_bank import INDUSIND_BANK
from parsers.banks.kasikorn_bank import KASIKORN_BANK
from parsers.banks.kotak_bank import KOTAK_BANK
from parsers.banks.liv_bank import LIV_BANK
from parsers.banks.m_pesa_mozambique import M_PESA_MOZAMBIQUE
from parsers.banks.m_pesa_tanzania import M_PESA_TANZANIA
from parsers.banks.mashreq_bank import MASHREQ_BANK
from parsers.banks.mixx_by_yas import MIXX_BY_YAS
from parsers.banks.navy_federal import NAVY_FEDERAL
from parsers.banks.nmb_tanzania import NMB_TANZANIA
from parsers.banks.pnb_bank import PNB_BANK
from parsers.banks.slice import SLICE
from parsers.banks.south_indian_bank import SOUTH_INDIAN_BANK
from parsers.banks.standard_chartered_bank import STANDARD_CHARTERED_BANK
from parsers.banks.telebirr import TELEBIRR
from parsers.banks.yes_bank import YES_BANK
from parsers.banks.zemen_bank import ZEMEN_BANK
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
)


def by_name(name: str) -> BankParser | None:
    return next((b for b in BANKS if b.name == name), None)


def known_domains() -> frozenset[str]:
    return frozenset(d.lower() for b in BANKS for d in b.sender_domains)


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
