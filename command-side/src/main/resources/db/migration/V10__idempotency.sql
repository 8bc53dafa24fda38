-- Writes sent with an Idempotency-Key, per caller, with the answer they got: a repeat is answered from here.
-- A row is 'in-progress' from before the command is sent until its answer is stored; rows are deleted once older
-- than infrashare.idempotency.retention.
CREATE TABLE idempotent_request (
    organization     VARCHAR(100)             NOT NULL,
    principal        VARCHAR(255)             NOT NULL,
    idempotency_key  VARCHAR(200)             NOT NULL,
    fingerprint      CHAR(64)                 NOT NULL,
    state            VARCHAR(20)              NOT NULL,
    response_status  INTEGER,
    content_type     VARCHAR(255),
    response_body    ${binary_type},
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (organization, principal, idempotency_key)
);

CREATE INDEX idempotent_request_created_at ON idempotent_request (created_at);
