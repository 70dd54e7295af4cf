package io.dcx.service.application.port;

import io.dcx.service.application.money.Deposit;
import io.dcx.service.application.money.Withdrawal;
import java.util.List;
import java.util.Optional;

/** Deposits and withdrawals through payment rails. */
public interface CashMovementStore {
    void insert(Deposit deposit);

    void insert(Withdrawal withdrawal);

    Optional<Withdrawal> findWithdrawal(String id);

    Optional<Withdrawal> findWithdrawalForUpdate(String id);

    void update(Withdrawal withdrawal);

    List<Withdrawal> withdrawalsIn(Withdrawal.Status status, int limit);
}
