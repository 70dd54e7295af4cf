package io.dcx.service.infrastructure.evm;

import io.dcx.service.application.money.Wallet;
import io.dcx.service.application.port.WalletStore;
import io.dcx.service.infrastructure.kyc.SqlSignalStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** Wallets in PostgreSQL ({@code ecny_wallet}). */
@ApplicationScoped
public class SqlWalletStore implements WalletStore {
    private final EntityManager em;

    public SqlWalletStore(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean insertIfAbsent(Wallet wallet) {
        return em.createNativeQuery("INSERT INTO ecny_wallet (address, account_id, registered_at) VALUES (?1, ?2, ?3)"
                        + " ON CONFLICT (address) DO NOTHING")
                .setParameter(1, wallet.address())
                .setParameter(2, wallet.accountId())
                .setParameter(3, wallet.registeredAt())
                .executeUpdate() == 1;
    }

    @Override
    public Optional<Wallet> find(String address) {
        return query("WHERE address = ?1", address).stream().findFirst();
    }

    @Override
    public List<Wallet> of(String accountId) {
        return query("WHERE account_id = ?1 ORDER BY registered_at, address", accountId);
    }

    @SuppressWarnings("unchecked")
    private List<Wallet> query(String where, String param) {
        List<Object[]> rows = em.createNativeQuery("SELECT address, account_id, registered_at FROM ecny_wallet " + where)
                .setParameter(1, param)
                .getResultList();
        return rows.stream().map(r -> new Wallet((String) r[0], (String) r[1], SqlSignalStore.instant(r[2]))).toList();
    }
}
