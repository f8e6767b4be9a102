package dev.camelkling.client;

import dev.camelkling.client.schema.CameraControl;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CameraControlTest {

    @Test
    void presetHasNoConfig() {
        assertThat(CameraControl.parse("down_back")).isEqualTo(new CameraControl("down_back", null));
    }

    @Test
    void simpleFillsTheOtherAxesWithZeroInDocumentedOrder() {
        CameraControl control = CameraControl.parse("simple:zoom=5");
        assertThat(control.type()).isEqualTo("simple");
        assertThat(control.config()).containsExactly(Map.entry("horizontal", 0), Map.entry("vertical", 0), Map.entry("pan", 0),
                Map.entry("tilt", 0), Map.entry("roll", 0), Map.entry("zoom", 5));
        assertThat(CameraControl.parse(" simple : horizontal=0 , zoom=-5 ")).isEqualTo(CameraControl.simple("zoom", -5));
    }

    @Test
    void malformedTextIsRejected() {
        assertThatThrownBy(() -> CameraControl.parse("simple:zoom")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CameraControl.parse("simple:zoom=x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CameraControl.parse("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void configIsImmutable() {
        assertThatThrownBy(() -> CameraControl.simple("pan", 1).config().put("zoom", 1)).isInstanceOf(UnsupportedOperationException.class);
    }
}
