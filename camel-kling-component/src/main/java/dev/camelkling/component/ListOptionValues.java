package dev.camelkling.component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.support.EndpointHelper;

/**
 * A list option's URI value is comma-separated text ({@code statuses=succeed,failed}), and Camel converts text to a
 * single value, not to a List. So before the endpoint's options are bound, each list option given as text is split
 * here and every element converted by Camel's type converters to the option's element type; a value that does not
 * convert is refused naming the option.
 */
final class ListOptionValues {

    private ListOptionValues() {
    }

    static void split(CamelContext context, PropertyConfigurerGetter options, Object endpoint, Map<String, Object> parameters) {
        for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            Class<?> type = options.getOptionType(name, true);
            if (!(parameter.getValue() instanceof String text) || type == null || !List.class.isAssignableFrom(type)
                || EndpointHelper.isReferenceParameter(text)
                || !(options.getCollectionValueType(endpoint, name, true) instanceof Class<?> elementType)) {
                continue;
            }
            List<Object> values = new ArrayList<>();
            for (String element : text.split(",")) {
                try {
                    values.add(context.getTypeConverter().mandatoryConvertTo(elementType, element.strip()));
                } catch (Exception e) {
                    throw new IllegalArgumentException(name + ": " + rootMessage(e), e);
                }
            }
            parameter.setValue(List.copyOf(values));
        }
    }

    /** The converter's own reason, not Camel's wrapping of it. */
    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
