package io.infrashare.command.web;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.SpoofChecker;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rule for names (attribute names, label keys): a name that says its value is a secret. The name is split into
 * words at punctuation and case changes ({@code DBPassword}: db, password), each word case-folded and read through
 * Unicode's confusables (a UTS #39 skeleton, so a Cyrillic а or a zero is read as the letter it imitates) without
 * accents. The name is a secret's when its words joined hold a {@link #CONTAINED} word anywhere ({@code dbpassword},
 * {@code clientSecret}, {@code secret_access_key}), or one of its words is a {@link #WORDS} word; unless its last
 * word says where or which the secret is, not what ({@link #REFERENCES}: {@code passwordSecretArn}, {@code tokenUrl}).
 */
final class SecretNames {

    /** Long enough to be looked for inside other words: no benign name holds them by chance. */
    private static final List<String> CONTAINED = List.of("password", "passwd", "passphrase", "passcode", "pwd",
            "secret", "credential", "apikey", "apitoken", "authtoken", "accesstoken", "refreshtoken", "sessiontoken",
            "privatekey", "accesskey", "signingkey", "encryptionkey", "masterkey", "accountkey", "sharedkey",
            "hmackey", "licensekey");

    /** Only as a word of their own: inside other words they are something else (tokenizer). */
    private static final List<String> WORDS = List.of("token", "tokens", "bearer", "creds");

    /** A last word that makes the name point at a secret rather than hold it. */
    private static final List<String> REFERENCES = List.of("arn", "id", "ids", "name", "ref", "reference", "path",
            "file", "uri", "url", "location", "version", "ttl", "expiry", "expiration", "rotation", "endpoint",
            "policy", "length");

    private static final Pattern WORD_BREAK =
            Pattern.compile("[^\\p{L}\\p{M}\\p{N}]+|(?<=[\\p{Ll}\\p{N}])(?=\\p{Lu})|(?<=\\p{Lu})(?=\\p{Lu}\\p{Ll})");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final SpoofChecker CONFUSABLES = new SpoofChecker.Builder().build();

    /** The words as they are looked for (a skeleton reads {@code m} as {@code rn}), each with its spelling. */
    private static final Map<String, String> CONTAINED_READ = read(CONTAINED);
    private static final Map<String, String> WORDS_READ = read(WORDS);
    private static final Set<String> REFERENCES_READ = read(REFERENCES).keySet();

    private SecretNames() {
    }

    /** The secret word the name holds, as the lists spell it, or empty. */
    static Optional<String> secretWord(String name) {
        List<String> words = Arrays.stream(WORD_BREAK.split(name))
                .filter(word -> !word.isEmpty())
                .map(SecretNames::read)
                .filter(word -> !word.isEmpty())
                .toList();
        if (words.isEmpty() || REFERENCES_READ.contains(words.get(words.size() - 1))) {
            return Optional.empty();
        }
        String joined = String.join("", words);
        return CONTAINED_READ.entrySet().stream()
                .filter(word -> joined.contains(word.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .or(() -> words.stream().filter(WORDS_READ::containsKey).map(WORDS_READ::get).findFirst());
    }

    /** Case-folded, read through the confusables (which may give capitals: 0 is O), folded again, no accents. */
    private static String read(String word) {
        String skeleton = CONFUSABLES.getSkeleton(UCharacter.foldCase(word, true));
        return MARKS.matcher(UCharacter.foldCase(skeleton, true)).replaceAll("");
    }

    private static Map<String, String> read(List<String> words) {
        return words.stream().collect(Collectors.toMap(SecretNames::read, word -> word, (a, b) -> a,
                LinkedHashMap::new));
    }
}
