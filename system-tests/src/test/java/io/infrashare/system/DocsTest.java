package io.infrashare.system;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repository's own documentation stays true without a reader checking it: every link of every markdown file leads
 * to a file of the repository, and {@code docs/domain.md} names, for each rule, code and tests that exist.
 */
class DocsTest {

    private static final Path ROOT = Path.of(System.getProperty("infrashare.root", "..")).toAbsolutePath().normalize();
    private static final String MAIN = "/src/main/java/";
    private static final String TEST = "/src/test/java/";
    /** Build output, run data and tools' folders: not part of a clone. */
    private static final Set<String> NOT_SOURCES = Set.of(".git", "target", "data", "node_modules", ".idea", ".vscode");

    private static final Pattern FENCE = Pattern.compile("(?m)^ {0,3}(```|~~~).*$");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1", Pattern.DOTALL);
    private static final Pattern INLINE_LINK = Pattern.compile("\\]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern REFERENCE_DEFINITION =
            Pattern.compile("(?m)^ {0,3}\\[[^\\]]+]:\\s*<?(\\S+?)>?(?:\\s|$)");
    private static final Pattern HTML_LINK = Pattern.compile("(?i)\\b(?:href|src)\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern BARE_URL = Pattern.compile("(?i)\\b(?:https?|ftp)://\\S+|\\bwww\\.\\S+");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:|^//");

    /** {@code Class}, {@code Class#method} or {@code Class#method(ParameterType)}, in a code span. */
    private static final Pattern CODE_REFERENCE =
            Pattern.compile("`([A-Z][a-z][A-Za-z0-9]*)(?:#([a-z][A-Za-z0-9]*)(?:\\(([A-Z][A-Za-z0-9]*)?\\))?)?`");
    /** A class's name followed by the path of its file from the repository's root: {@code `Class` (`path/Class.java`)}. */
    private static final Pattern CLASS_FILE =
            Pattern.compile("`([A-Z][a-z][A-Za-z0-9]*)`(?:\\s+\\(in)?\\s+\\(?`([\\w./-]+\\.java)`\\)");
    private static final String ENFORCED_BY = "Enforced by:";
    private static final String PROVED_BY = "Proved by:";
    private static final Pattern RULE_HEADING = Pattern.compile("(?m)^### Rule (\\d+)\\b.*$");
    private static final Pattern TEST_ANNOTATION = Pattern.compile("@(?:Test|ParameterizedTest|RepeatedTest)\\b");

    private static List<Path> markdown;
    private static Map<String, List<Path>> javaSources;

    @BeforeAll
    static void readTheTree() throws IOException {
        markdown = new ArrayList<>();
        javaSources = new HashMap<>();
        Files.walkFileTree(ROOT, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                return !dir.equals(ROOT) && NOT_SOURCES.contains(dir.getFileName().toString())
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                String name = file.getFileName().toString();
                if (name.endsWith(".md")) {
                    markdown.add(file);
                } else if (name.endsWith(".java") && (in(MAIN, file) || in(TEST, file))) {
                    javaSources.computeIfAbsent(name.substring(0, name.length() - ".java".length()),
                            simpleName -> new ArrayList<>()).add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        assertThat(markdown).as("markdown files under " + ROOT).extracting(ROOT::relativize)
                .contains(Path.of("README.md"), Path.of("docs", "domain.md"));
    }

    @Test
    void everyLinkOfEveryMarkdownFileLeadsToAFileOfTheRepository() {
        List<String> problems = new ArrayList<>();
        for (Path file : markdown) {
            String text = read(file);
            String where = ROOT.relativize(file).toString();
            if (text.contains("../shared")) {
                problems.add(where + " mentions ../shared, which is outside the repository");
            }
            String prose = prose(text);
            Matcher url = BARE_URL.matcher(INLINE_LINK.matcher(prose).replaceAll("]"));
            while (url.find()) {
                problems.add(where + " links to " + url.group().replaceAll("[).,;:!?'\"]+$", "")
                        + " (a bare address is a link; put it in backticks if it is not meant as one)");
            }
            for (String target : linkTargets(prose)) {
                problemWith(file, target).ifPresent(problem -> problems.add(where + " links to '" + target + "': "
                        + problem));
            }
        }
        assertThat(problems).as("links that lead outside the repository or nowhere").isEmpty();
    }

    @Test
    void everyClassAndTestTheRulesNameExists() {
        List<String> problems = new ArrayList<>();
        rules().forEach((rule, text) -> references(text)
                .forEach(reference -> check(reference.group(1), reference.group(2), reference.group(3))
                        .ifPresent(problem -> problems.add("rule " + rule + ": " + problem))));
        assertThat(problems).as("docs/domain.md names code that does not exist").isEmpty();
    }

    @Test
    void everyRuleNamesTheCodeThatEnforcesItAndATestThatProvesIt() {
        Map<Integer, String> rules = rules();
        List<String> problems = new ArrayList<>();
        for (int rule = 1; rule <= 7; rule++) {
            if (!rules.containsKey(rule)) {
                problems.add("rule " + rule + " has no section '### Rule " + rule + ": ...'");
            }
        }
        rules.forEach((rule, text) -> {
            int enforced = text.indexOf(ENFORCED_BY);
            int proved = text.indexOf(PROVED_BY);
            if (enforced < 0 || proved < enforced) {
                problems.add("rule " + rule + " has no '" + ENFORCED_BY + "' list followed by a '" + PROVED_BY
                        + "' list");
                return;
            }
            if (references(text.substring(enforced, proved)).noneMatch(reference -> isMainClass(reference.group(1)))) {
                problems.add("rule " + rule + " names no class of src/main/java under '" + ENFORCED_BY + "'");
            }
            if (references(text.substring(proved))
                    .noneMatch(reference -> isTest(reference.group(1), reference.group(2)))) {
                problems.add("rule " + rule + " names no test (a class with @Test methods, or such a method) under '"
                        + PROVED_BY + "'");
            }
        });
        assertThat(problems).as("rules of docs/domain.md").isEmpty();
    }

    /** From a rule straight to the file of the class that enforces it and to the file of a test class that proves it. */
    @Test
    void everyRuleGivesTheFileOfTheClassThatEnforcesItAndOfATestClassThatProvesIt() {
        List<String> problems = new ArrayList<>();
        rules().forEach((rule, text) -> {
            int enforced = text.indexOf(ENFORCED_BY);
            int proved = text.indexOf(PROVED_BY);
            Matcher named = CLASS_FILE.matcher(text);
            boolean namesMain = false;
            boolean namesTest = false;
            while (named.find()) {
                Path file = ROOT.resolve(named.group(2)).normalize();
                if (!file.getFileName().toString().equals(named.group(1) + ".java") || !Files.isRegularFile(file)) {
                    problems.add("rule " + rule + " gives " + named.group(2) + " for `" + named.group(1)
                            + "`, which is not that class's file");
                    continue;
                }
                namesMain |= named.start() > enforced && named.start() < proved && in(MAIN, file);
                namesTest |= named.start() > proved && in(TEST, file);
            }
            if (!namesMain) {
                problems.add("rule " + rule + " gives the file of no class of src/main/java under '" + ENFORCED_BY + "'");
            }
            if (!namesTest) {
                problems.add("rule " + rule + " gives the file of no test class under '" + PROVED_BY + "'");
            }
        });
        assertThat(problems).as("files the rules of docs/domain.md give").isEmpty();
    }

    @Test
    void everyEventOfTheContractIsExplainedToItsReaders() {
        List<String> events = javaSources.values().stream().flatMap(List::stream)
                .filter(file -> file.startsWith(ROOT.resolve("events/src/main/java")))
                .filter(file -> read(file).contains("implements InfrashareEvent"))
                .map(file -> file.getFileName().toString().replace(".java", ""))
                .sorted().toList();
        String domain = read(ROOT.resolve("docs/domain.md"));
        String consumers = read(ROOT.resolve("docs/events.md"));

        assertThat(events).hasSize(15);
        assertThat(events).as("events without a row in the events table of docs/domain.md")
                .filteredOn(event -> !domain.contains("| `" + event + "` |")).isEmpty();
        assertThat(events).as("events docs/events.md does not list as a ce_type")
                .filteredOn(event -> !consumers.contains("`" + event + "`")).isEmpty();
    }

    /** The rule section of docs/domain.md, by rule number: from each {@code ### Rule n} to the next heading. */
    private static Map<Integer, String> rules() {
        String domain = read(ROOT.resolve("docs/domain.md"));
        int start = domain.indexOf("\n## Rules");
        assertThat(start).as("docs/domain.md has a section '## Rules ...'").isNotNegative();
        int end = domain.indexOf("\n## ", start + 1);
        String section = domain.substring(start, end < 0 ? domain.length() : end);
        Map<Integer, String> rules = new TreeMap<>();
        Matcher heading = RULE_HEADING.matcher(section);
        List<int[]> starts = new ArrayList<>();
        while (heading.find()) {
            starts.add(new int[] {heading.start(), Integer.parseInt(heading.group(1))});
        }
        for (int i = 0; i < starts.size(); i++) {
            int to = i + 1 < starts.size() ? starts.get(i + 1)[0] : section.length();
            rules.put(starts.get(i)[1], section.substring(starts.get(i)[0], to));
        }
        return rules;
    }

    private static Stream<MatchResult> references(String text) {
        return CODE_REFERENCE.matcher(text).results();
    }

    /** What is wrong with a reference to a class and maybe a method of it, if anything. */
    private static Optional<String> check(String type, String method, String parameter) {
        List<Path> files = javaSources.getOrDefault(type, List.of());
        if (files.isEmpty()) {
            return Optional.of("no class " + type + " in any src/main/java or src/test/java of the repository");
        }
        if (method == null) {
            return Optional.empty();
        }
        for (Path file : files) {
            String source = read(file);
            Optional<Integer> declaration = declaration(source, method, parameter);
            if (declaration.isPresent()) {
                if (TEST_ANNOTATION.matcher(source).find() && !annotatedAsTest(source, declaration.get())) {
                    return Optional.of(type + "#" + method + " is declared in a test class but is not a test");
                }
                return Optional.empty();
            }
        }
        return Optional.of(type + " (" + files.stream().map(ROOT::relativize).toList() + ") declares no method "
                + method + (parameter == null ? "" : " taking a " + parameter));
    }

    private static boolean in(String sources, Path file) {
        return ROOT.relativize(file).toString().replace('\\', '/').contains(sources);
    }

    private static boolean isMainClass(String type) {
        return javaSources.getOrDefault(type, List.of()).stream().anyMatch(file -> in(MAIN, file));
    }

    private static boolean isTest(String type, String method) {
        return javaSources.getOrDefault(type, List.of()).stream()
                .filter(file -> in(TEST, file))
                .map(DocsTest::read)
                .anyMatch(source -> method == null ? TEST_ANNOTATION.matcher(source).find()
                        : declaration(source, method, null).map(at -> annotatedAsTest(source, at)).orElse(false));
    }

    /** Where a method of that name (and first parameter type, if given) is declared: not where it is called. */
    private static Optional<Integer> declaration(String source, String method, String parameter) {
        Matcher declared = Pattern.compile("(?m)^[ \\t]*(?!return\\b|new\\b|throw\\b|else\\b)"
                        + "(?:[\\w.<>\\[\\]?,@]+[ \\t]+)+" + Pattern.quote(method) + "[ \\t]*\\(\\s*"
                        + (parameter == null ? "" : "(?:final\\s+)?" + Pattern.quote(parameter) + "\\b"))
                .matcher(source);
        return declared.find() ? Optional.of(declared.start()) : Optional.empty();
    }

    /** The annotations between the previous member (or the class's opening brace) and the declaration. */
    private static boolean annotatedAsTest(String source, int declaration) {
        String before = source.substring(0, declaration);
        int previous = Math.max(before.lastIndexOf(';'), Math.max(before.lastIndexOf('}'), before.lastIndexOf('{')));
        return TEST_ANNOTATION.matcher(before.substring(previous + 1)).find();
    }

    /** The text a reader sees as prose: without fenced code blocks and code spans, where nothing is a link. */
    private static String prose(String markdown) {
        StringBuilder prose = new StringBuilder();
        boolean fenced = false;
        for (String line : markdown.split("\n", -1)) {
            if (FENCE.matcher(line).matches()) {
                fenced = !fenced;
            } else if (!fenced) {
                prose.append(line).append('\n');
            }
        }
        return CODE_SPAN.matcher(prose).replaceAll(" ");
    }

    private static List<String> linkTargets(String prose) {
        List<String> targets = new ArrayList<>();
        for (Pattern link : List.of(INLINE_LINK, REFERENCE_DEFINITION, HTML_LINK)) {
            Matcher matcher = link.matcher(prose);
            while (matcher.find()) {
                targets.add(matcher.group(1));
            }
        }
        return targets;
    }

    /** Why a link target of a markdown file is not a relative link to a file of the repository, if it is not. */
    private static Optional<String> problemWith(Path file, String target) {
        if (target.isEmpty()) {
            return Optional.of("an empty target");
        }
        if (SCHEME.matcher(target).find()) {
            return Optional.of("an address outside the repository");
        }
        if (target.startsWith("#")) {
            return Optional.empty();
        }
        String path = URLDecoder.decode(target.replaceAll("[#?].*$", ""), StandardCharsets.UTF_8);
        if (path.startsWith("/")) {
            return Optional.of("not relative");
        }
        Path resolved = file.getParent().resolve(path).normalize();
        if (!resolved.startsWith(ROOT)) {
            return Optional.of("outside the repository");
        }
        for (Path part : ROOT.relativize(resolved)) {
            if (NOT_SOURCES.contains(part.toString())) {
                return Optional.of("into " + part + "/, which a clone does not have");
            }
        }
        return Files.exists(resolved) ? Optional.empty() : Optional.of("no such file");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
