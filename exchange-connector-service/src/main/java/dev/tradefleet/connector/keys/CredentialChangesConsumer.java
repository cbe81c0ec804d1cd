package dev.tradefleet.connector.keys;

import dev.tradefleet.contracts.EventCodec;
import dev.tradefleet.contracts.EventEnvelope;
import dev.tradefleet.contracts.Topics;
import dev.tradefleet.contracts.credentials.CredentialChanged;
import dev.tradefleet.messaging.consumer.FleetConsumer;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** A new or replaced key is to be tested: the check is recorded with the event's receipt, and made at once. */
@ApplicationScoped
public class CredentialChangesConsumer implements FleetConsumer {

    @Inject
    KeyChecks keyChecks;

    @Override
    public String name() {
        return "connector-key-checks";
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.CREDENTIALS_CHANGES);
    }

    @Override
    public Uni<Void> apply(SqlConnection transaction, EventEnvelope event) {
        if (!CredentialChanged.TYPE.equals(event.type())) {
            return Uni.createFrom().voidItem();
        }
        CredentialChanged change = EventCodec.payload(event, CredentialChanged.class);
        return change.newKey() ? keyChecks.request(transaction, change.credentialId()) : Uni.createFrom().voidItem();
    }

    @Override
    public void committed(EventEnvelope event) {
        keyChecks.wake();
    }
}
