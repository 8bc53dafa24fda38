package io.infrashare.query.log;

/**
 * A record of the checkpoint topic as the command side publishes it: its note, and beside it the note's contents for
 * readers that do not open notes. Nothing of it is trusted but the note; the rest must agree with it.
 *
 * @param time when the command side issued the checkpoint (RFC 3339): not part of what is signed
 */
record PublishedCheckpoint(String organization, Long size, String rootHash, String time, String keyId,
                           String note) {
}
