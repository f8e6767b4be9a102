package dev.camelkling.examples;

import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Copies tested code into the docs: a region of a Java source, and a doc section between markers. */
public final class DocRegions {

    private DocRegions() {
    }

    /** The lines between {@code // example:<name>} and {@code // end:<name>}, with the route's indentation removed. */
    public static String javaRegion(String java, String name) {
        int start = java.indexOf("// example:" + name + "\n");
        int end = java.indexOf("// end:" + name + "\n");
        assertThat(start).as("region example:%s", name).isNotNegative();
        assertThat(end).as("region end:%s", name).isGreaterThan(start);
        String region = java.substring(java.indexOf('\n', start) + 1, java.lastIndexOf('\n', end) + 1);
        return region.lines().map(line -> line.length() >= 8 ? line.substring(8) : line.strip())
                .collect(Collectors.joining("\n", "", "\n"));
    }

    /** The doc with the text between {@code <!-- marker: START -->} and {@code <!-- marker: END -->} replaced. */
    public static String replaceBetween(String doc, String marker, String content) {
        String start = "<!-- " + marker + ": START -->\n";
        String end = "<!-- " + marker + ": END -->";
        int from = doc.indexOf(start);
        int to = doc.indexOf(end);
        assertThat(from).as("marker %s", start.trim()).isNotNegative();
        assertThat(to).as("marker %s", end).isGreaterThan(from);
        return doc.substring(0, from + start.length()) + content + doc.substring(to);
    }
}
