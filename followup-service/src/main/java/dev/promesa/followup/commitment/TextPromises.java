package dev.promesa.followup.commitment;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.promesa.config.FromText;
import dev.promesa.config.PromisesConfig;
import dev.promesa.config.SourcesConfig;
import dev.promesa.contracts.Interaction;
import dev.promesa.recognition.promise.PromiseRecognizer;
import dev.promesa.recognition.promise.RecognizedPromise;

/**
 * The promises an agent writes in a public reply or call summary, per the source's {@code from-text} setting. One
 * recognizer serves every message (it is immutable); a message it cannot read is logged and treated as holding no
 * promise, so the interaction itself is never lost over it.
 */
@ApplicationScoped
public class TextPromises {

    private static final Logger LOG = Logger.getLogger(TextPromises.class);

    private final PromiseRecognizer recognizer = new PromiseRecognizer();
    private final PromisesConfig config;
    private final SourcesConfig sources;

    TextPromises(PromisesConfig config, SourcesConfig sources) {
        this.config = config;
        this.sources = sources;
    }

    /** {@code promesa.sources.<source>.promises.from-text}, else {@code promesa.promises.from-text}. */
    public FromText modeOf(String source) {
        return sources.of(source).flatMap(s -> s.promises().fromText()).orElse(config.fromText());
    }

    /**
     * The promises in an interaction, in the order written: none unless it is a public agent reply or call summary
     * without a structured commitment (which wins over the text) from a source that reads text.
     */
    List<RecognizedPromise> in(PromiseScope scope, Interaction interaction, FromText mode) {
        if (mode == FromText.OFF || !interaction.publicAgentResponse() || interaction.commitment() != null
                || interaction.body() == null || interaction.body().isBlank()) {
            return List.of();
        }
        try {
            return recognizer.recognize(AgentMessages.of(interaction, scope.context(), scope.calendar()));
        } catch (RuntimeException e) {
            LOG.warnf(e, "Ticket %s: could not read interaction %s for promises; it is recorded without any",
                    scope.ticket(), interaction.eventId());
            return List.of();
        }
    }
}
