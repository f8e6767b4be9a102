package dev.camelkling.quarkus.it;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Index;
import org.jboss.jandex.IndexReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Camel Quarkus uses a dependency's classes (the {@code kling} component, its configurers, its URI factory) only if
 * Quarkus indexes the jar. camel-kling carries its own index, {@code META-INF/jandex.idx}, so applications need no
 * {@code quarkus.index-dependency.*} properties. This reads that index the way Quarkus reads it, with Jandex, from the
 * camel-kling artifact this build resolved (system property {@code camel-kling.artifact}, set by the pom: the jar, or
 * the component module's classes directory in a reactor build that stops before packaging).
 * <p>
 * Class names are strings here, not class literals: a plain test that loads application classes in the same JVM as
 * a {@code @QuarkusTest} can get them from Quarkus's closed class loader ({@code NoClassDefFoundError}).
 */
class KlingJarIndexTest {

    private static final String SERVICES = "META-INF/services/org/apache/camel/";
    private static final String COMPONENT = "dev.camelkling.component.KlingComponent";
    private static final String ENDPOINT = "dev.camelkling.component.KlingEndpoint";

    private static FileSystem jar;
    private static Path artifact;
    private static Index index;

    @BeforeAll
    static void openArtifact() throws IOException {
        String artifactPath = System.getProperty("camel-kling.artifact");
        assertThat(artifactPath).as("system property camel-kling.artifact (set by the pom)").isNotBlank();
        Path location = Path.of(artifactPath);
        assertThat(location).exists();
        if (Files.isDirectory(location)) {
            artifact = location;
        } else {
            jar = FileSystems.newFileSystem(location);
            artifact = jar.getPath("/");
        }
        Path indexFile = artifact.resolve("META-INF/jandex.idx");
        assertThat(indexFile).as("the Jandex index in %s", location).exists();
        try (InputStream in = Files.newInputStream(indexFile)) {
            index = new IndexReader(in).read();
        }
    }

    @AfterAll
    static void closeArtifact() throws IOException {
        if (jar != null) {
            jar.close();
        }
    }

    @Test
    void componentAndEndpointAreIndexedWithTheirCamelAnnotations() {
        AnnotationInstance component = annotation(COMPONENT, "org.apache.camel.spi.annotations.Component");
        assertThat(component.value().asString()).isEqualTo("kling");

        AnnotationInstance endpoint = annotation(ENDPOINT, "org.apache.camel.spi.UriEndpoint");
        assertThat(endpoint.value("scheme").asString()).isEqualTo("kling");
    }

    @Test
    void everyClassOfTheArtifactIsIndexed() throws IOException {
        // an index written before the last compile (e.g. of generated sources) would miss classes
        List<String> classes = classNamesIn(artifact);
        assertThat(classes).isNotEmpty();
        assertThat(classes).allSatisfy(name ->
                assertThat(index.getClassByName(DotName.createSimple(name))).as("%s in jandex.idx", name).isNotNull());
    }

    @Test
    void serviceFilesNameIndexedClasses() throws IOException {
        // Camel Quarkus core registers components from component/* and uses configurer/* and urifactory/*
        for (String service : List.of("component/kling", "configurer/kling-component", "configurer/kling-endpoint",
                "urifactory/kling-endpoint")) {
            Path file = artifact.resolve(SERVICES + service);
            assertThat(file).as("service file %s", service).exists();
            Properties properties = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            }
            String className = properties.getProperty("class");
            assertThat(className).as("class= in %s", service).isNotBlank();
            assertThat(index.getClassByName(DotName.createSimple(className))).as("%s (%s) in jandex.idx", className, service)
                    .isNotNull();
        }
        assertThat(Files.readString(artifact.resolve(SERVICES + "component/kling")))
                .contains("class=" + COMPONENT);
    }

    private static AnnotationInstance annotation(String className, String annotationName) {
        ClassInfo info = index.getClassByName(DotName.createSimple(className));
        assertThat(info).as("%s in jandex.idx", className).isNotNull();
        AnnotationInstance annotation = info.declaredAnnotation(DotName.createSimple(annotationName));
        assertThat(annotation).as("@%s on %s in jandex.idx", annotationName, className).isNotNull();
        return annotation;
    }

    private static List<String> classNamesIn(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> root.relativize(p).toString().replace('/', '.').replaceFirst("\\.class$", ""))
                    .filter(name -> !name.startsWith("META-INF"))
                    .toList();
        }
    }
}
