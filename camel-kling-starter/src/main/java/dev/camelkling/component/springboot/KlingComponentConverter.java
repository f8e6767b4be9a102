package dev.camelkling.component.springboot;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

/**
 * Lets object-typed options be given as bean references in properties, as in camel-spring-boot's starters:
 * {@code camel.component.kling.ssl-context-parameters=#bean:klingTls} (or {@code #klingTls}). The object types are
 * read from {@link KlingComponentConfiguration}, which is generated from the component's metadata, so a new object
 * option needs no change here.
 */
@Configuration(proxyBeanMethods = false)
@ConfigurationPropertiesBinding
public class KlingComponentConverter implements GenericConverter {

    private final ApplicationContext applicationContext;

    public KlingComponentConverter(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        Set<ConvertiblePair> pairs = new LinkedHashSet<>();
        for (Class<?> type : beanReferenceTypes()) {
            pairs.add(new ConvertiblePair(String.class, type));
        }
        return pairs;
    }

    /** The options' types that a text cannot express: neither JDK value types (String, numbers, Duration) nor enums. */
    static Set<Class<?>> beanReferenceTypes() {
        Set<Class<?>> types = new LinkedHashSet<>();
        for (Field field : KlingComponentConfiguration.class.getDeclaredFields()) {
            Class<?> type = field.getType();
            if (!Modifier.isStatic(field.getModifiers()) && !type.isEnum() && !type.isPrimitive()
                    && !type.getName().startsWith("java.")) {
                types.add(type);
            }
        }
        return types;
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null) {
            return null;
        }
        String reference = source.toString();
        if (!reference.startsWith("#")) {
            throw new IllegalArgumentException("expected a bean reference (#bean:name) for a "
                                               + targetType.getType().getName() + " but got a plain text");
        }
        String beanName = reference.startsWith("#bean:") ? reference.substring(6) : reference.substring(1);
        return applicationContext.getBean(beanName, targetType.getType());
    }
}
