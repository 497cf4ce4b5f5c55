"""Names of the staff suites' own fixture rows (imported by conftest and the tests; a unique module
name, because tests/browser has a conftest of its own)."""

import uuid

FUZZ_STORE = "qa-fuzz"
FUZZ_PK = "pk_qa_fuzz"
# Rows of the fuzz store that staff routes address by id.
FUZZ_LEAD = str(uuid.uuid4())
FUZZ_CONVERSATION = str(uuid.uuid4())
