package dev.tradefleet.auth.account;

import dev.tradefleet.auth.AuthConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.time.Duration;

/** Creates the first administrator from configuration, so that a new installation can be administered. */
@Singleton
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    void onStart(@Observes StartupEvent event, AuthConfig config, AccountService accounts) {
        AuthConfig.BootstrapAdmin admin = config.bootstrapAdmin();
        if (admin.email().isEmpty() || admin.password().isEmpty()) {
            return;
        }
        User user = accounts.ensureAdmin(admin.email().get(), admin.password().get(), admin.name())
                .await().atMost(Duration.ofSeconds(30));
        if (user != null) {
            LOG.infof("administrator %s (%s) is in place", user.email(), user.id());
        }
    }
}
