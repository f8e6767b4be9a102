package dev.camelkling.karaf.feature;

import java.util.Arrays;

/**
 * An OSGi version range, {@code [4.18,4.19)} or a bare {@code 4.18} (at least 4.18, no upper bound). Versions are
 * compared on their numeric major.minor.micro; a qualifier (SNAPSHOT, a timestamp) is ignored.
 */
record VersionRange(int[] floor, boolean floorIncluded, int[] ceiling, boolean ceilingIncluded) {

    static VersionRange parse(String text) {
        String range = text.trim();
        if (!range.startsWith("[") && !range.startsWith("(")) {
            return new VersionRange(numbers(range), true, null, false);
        }
        String[] bounds = range.substring(1, range.length() - 1).split(",");
        return new VersionRange(numbers(bounds[0]), range.startsWith("["), numbers(bounds[1]), range.endsWith("]"));
    }

    boolean hasCeiling() {
        return ceiling != null;
    }

    boolean includes(String version) {
        int[] v = numbers(version);
        int low = Arrays.compare(v, floor);
        if (low < 0 || (low == 0 && !floorIncluded)) {
            return false;
        }
        if (ceiling == null) {
            return true;
        }
        int high = Arrays.compare(v, ceiling);
        return high < 0 || (high == 0 && ceilingIncluded);
    }

    private static int[] numbers(String version) {
        String[] parts = version.trim().split("[.\\-]");
        int[] numbers = new int[3];
        for (int i = 0; i < 3 && i < parts.length && parts[i].chars().allMatch(Character::isDigit); i++) {
            numbers[i] = Integer.parseInt(parts[i]);
        }
        return numbers;
    }
}
