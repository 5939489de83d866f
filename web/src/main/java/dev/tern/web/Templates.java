package dev.tern.web;

import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.IMessageResolver;
import org.thymeleaf.standard.StandardDialect;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The one Thymeleaf {@link TemplateEngine} of a container (built once, templates parsed once and
 * cached), reading {@code dev/tern/web/templates/*.html} and resolving {@code #{…}} from
 * {@link Messages}. Templates only ever write text with {@code th:text}/attribute processors, which
 * escape it; none uses {@code th:utext}.
 */
final class Templates {
    private final TemplateEngine engine;

    Templates(Messages messages) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(Templates.class.getClassLoader());
        resolver.setPrefix("dev/tern/web/templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        // The site never inlines values into JavaScript or CSS; without these stand-ins the standard
        // dialect would build a Jackson mapper (and scan for its modules) when the engine starts.
        StandardDialect dialect = new StandardDialect();
        dialect.setJavaScriptSerializer((value, writer) -> {
            throw new UnsupportedOperationException("the site does not inline values into scripts");
        });
        dialect.setCSSSerializer((value, writer) -> {
            throw new UnsupportedOperationException("the site does not inline values into styles");
        });
        engine = new TemplateEngine();
        engine.setDialect(dialect);
        engine.setTemplateResolver(resolver);
        engine.setMessageResolver(new MessagesResolver(messages));
    }

    /** Renders template {@code name} in {@code language} with {@code variables}. */
    String render(String name, Language language, Map<String, Object> variables) {
        Context context = new Context(language.locale(), variables);
        context.setVariable("language", language);
        return engine.process(name, context);
    }

    /** {@code #{key(args)}} in templates: the language is the context's. */
    private record MessagesResolver(Messages messages) implements IMessageResolver {
        @Override
        public String getName() {
            return "tern-messages";
        }

        @Override
        public Integer getOrder() {
            return 0;
        }

        @Override
        public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] messageParameters) {
            Object language = context.getVariable("language");
            if (!(language instanceof Language chosen) || !messages.has(key)) {
                return null;
            }
            return messages.get(chosen, key, messageParameters == null ? new Object[0] : messageParameters);
        }

        @Override
        public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key,
                Object[] messageParameters) {
            // A missing key is a bug that the message tests catch; show the key rather than fail the page.
            return "??" + key + "??";
        }
    }
}
