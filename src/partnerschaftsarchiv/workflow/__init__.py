"""The editors' workflow around the records: scaffolding a new record and reporting translation status."""
