package io.infrashare.query.log;

/**
 * The log this side stored does not match what the command side signed: a leaf or an entry was altered, or one is
 * missing. No proof is given from it; the request is a 500 and an operator looks into it.
 */
class StoredLogMismatch extends RuntimeException {

    StoredLogMismatch(String message) {
        super(message);
    }
}
