package dev.camelkling.karaf.feature;

import java.io.IOException;

/** camel-kling's bundle as this build resolved it (the reactor module's jar or output directory). */
final class CamelKlingBundle {

    private CamelKlingBundle() {
    }

    static BundleContent load(ResolvedArtifacts resolved) throws IOException {
        return BundleContent.of(resolved.require("dev.camelkling", "camel-kling").file());
    }

    /** Package of an exported or imported clause matches a bnd-style pattern: {@code a.b.*} covers a.b and below. */
    static boolean covers(String pattern, String packageName) {
        if (pattern.endsWith(".*")) {
            String base = pattern.substring(0, pattern.length() - 2);
            return packageName.equals(base) || packageName.startsWith(base + ".");
        }
        return pattern.equals(packageName);
    }
}
