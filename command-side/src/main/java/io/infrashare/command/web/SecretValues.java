package io.infrashare.command.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The rule for values (attribute and label values): a value in a well-known credential format. The formats are
 * gitleaks' rules for the services infrastructure is wired to ({@code secrets/gitleaks.rules}, vendored with its
 * licence) and infrashare's own for what shows in configuration ({@code secrets/infrashare.rules}: PEM private keys,
 * URLs and connection strings with a password, Azure account keys, Google service-account keys), read once and
 * compiled at start.
 */
final class SecretValues {

    /**
     * A credential format as gitleaks states one: the regex is tried only on a value holding one of the keywords, and
     * what it finds (its first non-empty group, else the whole match) counts only if its entropy is above the
     * minimum, which tells a key from a word of the same shape.
     */
    record Format(String id, String holds, List<String> keywords, double entropy, Pattern regex) {

        boolean foundIn(String value, String lowerCase) {
            if (keywords.stream().noneMatch(lowerCase::contains)) {
                return false;
            }
            Matcher matcher = regex.matcher(value);
            while (matcher.find()) {
                if (entropy == 0 || shannonEntropy(secret(matcher)) > entropy) {
                    return true;
                }
            }
            return false;
        }

        private static String secret(Matcher matcher) {
            for (int group = 1; group <= matcher.groupCount(); group++) {
                String found = matcher.group(group);
                if (found != null && !found.isEmpty()) {
                    return found;
                }
            }
            return matcher.group();
        }
    }

    static final List<Format> FORMATS = Stream.of("secrets/gitleaks.rules", "secrets/infrashare.rules")
            .flatMap(SecretValues::load)
            .toList();

    private SecretValues() {
    }

    /** What the value holds, as the refusal says it ("a URL with a password"), or empty. */
    static Optional<String> holds(String value) {
        String lowerCase = value.toLowerCase(Locale.ROOT);
        return FORMATS.stream().filter(format -> format.foundIn(value, lowerCase)).map(Format::holds).findFirst();
    }

    /** Bits per character, as gitleaks computes it. */
    static double shannonEntropy(String text) {
        Map<Integer, Integer> counts = new HashMap<>();
        text.codePoints().forEach(codePoint -> counts.merge(codePoint, 1, Integer::sum));
        double length = text.codePointCount(0, text.length());
        return -counts.values().stream()
                .mapToDouble(count -> count / length * Math.log(count / length) / Math.log(2))
                .sum();
    }

    private static Stream<Format> load(String resource) {
        try (InputStream in = SecretValues.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " on the class path");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(SecretValues::format)
                    .toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static Format format(String line) {
        String[] fields = line.split("\t", -1);
        if (fields.length != 5) {
            throw new IllegalStateException("a credential format needs 5 tab-separated fields: " + line);
        }
        return new Format(fields[0], fields[1], Arrays.asList(fields[2].toLowerCase(Locale.ROOT).split(",")),
                Double.parseDouble(fields[3]), Pattern.compile(fields[4]));
    }
}
