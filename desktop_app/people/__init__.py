"""The people file: records, validation, search and the PeopleService."""
