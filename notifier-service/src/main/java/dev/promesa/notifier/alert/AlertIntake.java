package dev.promesa.notifier.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.promesa.contracts.Alert;
import dev.promesa.notifier.NotifierConfig;
import dev.promesa.notifier.delivery.NotificationLog;
import dev.promesa.notifier.recipient.Addressee;
import dev.promesa.notifier.recipient.Addressee.Recipient;
import dev.promesa.notifier.recipient.Addressee.Unresolved;
import dev.promesa.notifier.recipient.RecipientResolver;
import dev.promesa.notifier.template.MailLanguage;
import dev.promesa.notifier.template.MailRenderer;

/**
 * Turns one alert into notification-log rows, in one transaction: who gets it, what they read. Nothing is sent here;
 * the delivery worker picks the rows up after commit.
 */
@ApplicationScoped
public class AlertIntake {
    private static final Logger LOG = Logger.getLogger(AlertIntake.class);

    private final AlertReader reader;
    private final RecipientResolver resolver;
    private final MailRenderer renderer;
    private final NotificationLog log;
    private final String defaultLanguage;

    AlertIntake(AlertReader reader, RecipientResolver resolver, MailRenderer renderer, NotificationLog log,
            NotifierConfig config) {
        this.reader = reader;
        this.resolver = resolver;
        this.renderer = renderer;
        this.log = log;
        this.defaultLanguage = MailLanguage.choose(config.defaultLocale(), "es");
    }

    @Transactional
    public void accept(String json) {
        Alert alert = reader.read(json);
        Set<String> known = log.recipientsOf(alert.alertId());
        List<String> queued = new ArrayList<>();
        List<String> unresolved = new ArrayList<>();
        for (Addressee addressee : resolver.resolve(alert)) {
            if (known.contains(addressee.key())) {
                continue;
            }
            if (addressee instanceof Recipient recipient) {
                if (log.recordPending(alert, recipient, renderer.render(alert, recipient), json)) {
                    queued.add(recipient.audience() + " " + recipient.key());
                }
            } else if (addressee instanceof Unresolved nobody) {
                if (log.recordUnresolved(alert, nobody, defaultLanguage, json)) {
                    unresolved.add(nobody.audience() + ": " + nobody.reason());
                }
            }
        }
        log.announce(alert.alertId(), queued.size());
        if (queued.isEmpty() && unresolved.isEmpty()) {
            LOG.infof("Alert %s (%s, ticket %s) was already handled; redelivery ignored", alert.alertId(),
                    alert.kind(), alert.ticketId());
            return;
        }
        if (!queued.isEmpty()) {
            LOG.infof("Alert %s (%s, ticket %s): emails queued for %s", alert.alertId(), alert.kind(),
                    alert.ticketId(), queued);
        }
        if (!unresolved.isEmpty()) {
            LOG.errorf("Alert %s (%s, ticket %s): nobody to email, recorded as FAILED and dead-lettered: %s",
                    alert.alertId(), alert.kind(), alert.ticketId(), unresolved);
        }
    }
}
