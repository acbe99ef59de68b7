FROM python:3.11-slim
WORKDIR /app
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
COPY pyproject.toml README.md celeryconfig.py ./
COPY models models
COPY parsers parsers
COPY pipeline pipeline
COPY tasks tasks
COPY api api
COPY migrations migrations
RUN pip install --no-cache-dir ".[flower]" && useradd --system spendwatch
USER spendwatch
CMD ["spendwatch", "--help"]
