package io.dcx.chaincode;

import java.lang.reflect.Method;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Serializer;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.contract.execution.ExecutionFactory;
import org.hyperledger.fabric.contract.execution.ExecutionService;
import org.hyperledger.fabric.contract.execution.InvocationRequest;
import org.hyperledger.fabric.contract.execution.JSONTransactionSerializer;
import org.hyperledger.fabric.contract.execution.SerializerInterface;
import org.hyperledger.fabric.contract.routing.ContractDefinition;
import org.hyperledger.fabric.contract.routing.TxFunction;
import org.hyperledger.fabric.contract.routing.TypeRegistry;
import org.hyperledger.fabric.contract.routing.impl.RoutingRegistryImpl;
import org.hyperledger.fabric.contract.routing.impl.SerializerRegistryImpl;
import org.hyperledger.fabric.shim.Chaincode;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ResponseUtils;

/**
 * Runs the dcx contracts in process, for the service's embedded ledger (and the tests), with the shim's own
 * routing, argument conversion, execution and error mapping, so a transaction behaves exactly as it does when a
 * Fabric peer calls the chaincode server.
 *
 * <p>Why not {@code new ContractRouter(args)}: its constructor is meant for a chaincode process (it reads the
 * peer's environment and command line, sets up logging, metrics and tracing), and it finds contracts only by
 * scanning the class path with ClassGraph ({@code findAllContracts} is package-private, and the serializer registry
 * scans too). Under Quarkus' class loaders a scan is slow and may miss or double-load classes. This router does
 * what {@code ContractRouter} does, with the same shim classes, minus the scan:
 * <ul>
 * <li>each class of {@link DcxContracts#CONTRACT_CLASSES} goes to {@link RoutingRegistryImpl#addNewContract} with
 *     its {@code @Transaction} methods ({@code ContractRouter} does the same per scanned class);</li>
 * <li>each class of {@link DcxContracts#DATA_TYPE_CLASSES} goes to the shim's {@link TypeRegistry};</li>
 * <li>execution is the shim's {@code ContractExecutionService} from {@link ExecutionFactory}, with a serializer
 *     registry that answers the shim's {@link JSONTransactionSerializer} (the contracts' default serializer)
 *     without scanning for others;</li>
 * <li>{@link #invoke} is {@code ContractRouter.processRequest}: empty arguments answer success, an unknown
 *     transaction goes to the contract's unknown route, and any throwable becomes an error response through
 *     {@link ResponseUtils#newErrorResponse(Throwable)}: a {@code ChaincodeException} keeps its message and
 *     payload (a contract refusal: {@code "CODE: detail"} and the code; the shim's own routing errors, for example
 *     "Undefined contract called" for an unknown contract name), anything else answers "Unexpected error" (for
 *     example too few arguments, which the shim fails on before the contract runs; extra arguments are
 *     ignored).</li>
 * </ul>
 *
 * <p>Use: build one router (it is immutable and thread-safe once built) and call {@link #invoke} with a
 * {@link ChaincodeStub} per transaction, whose {@code getArgs()} are {@code ["works:RegisterWork", workJson]}.
 * The stub supplies the creator (a serialized identity with an X.509 certificate), tx id and timestamp, reads
 * committed state, and collects writes and the single chaincode event; committing them (only for a successful
 * SUBMIT transaction) is the ledger's job. {@link #intent} tells whether a name is a SUBMIT or EVALUATE
 * transaction.
 */
public final class InProcessRouter implements Chaincode {
    private static final Object TYPE_REGISTRY_LOCK = new Object();

    private final RoutingRegistryImpl registry = new RoutingRegistryImpl();
    private final ExecutionService executor;
    private final Map<String, Transaction.TYPE> intents = new HashMap<>();

    public InProcessRouter() {
        synchronized (TYPE_REGISTRY_LOCK) {
            final TypeRegistry types = TypeRegistry.getRegistry();
            for (final Class<?> type : DcxContracts.DATA_TYPE_CLASSES) {
                types.addDataType(type);
            }
        }
        for (final Class<? extends ContractInterface> contractClass : DcxContracts.CONTRACT_CLASSES) {
            @SuppressWarnings("unchecked")
            final ContractDefinition contract = registry.addNewContract((Class<ContractInterface>) contractClass);
            for (final Method method : contractClass.getMethods()) {
                final Transaction tx = method.getAnnotation(Transaction.class);
                if (tx != null) {
                    final TxFunction fn = contract.addTxFunction(method);
                    intents.put(contract.getName() + ":" + fn.getName(), tx.intent());
                }
            }
        }
        executor = ExecutionFactory.getInstance().createExecutionService(new JsonSerializerOnly());
    }

    @Override
    public Chaincode.Response init(final ChaincodeStub stub) {
        return invoke(stub);
    }

    @Override
    @SuppressWarnings("PMD.AvoidCatchingGenericException")
    public Chaincode.Response invoke(final ChaincodeStub stub) {
        try {
            if (stub.getStringArgs().isEmpty()) {
                return ResponseUtils.newSuccessResponse();
            }
            final InvocationRequest request = ExecutionFactory.getInstance().createRequest(stub);
            final TxFunction fn = registry.containsRoute(request)
                    ? registry.getTxFn(request)
                    : registry.getContract(request.getNamespace()).getUnknownRoute();
            return executor.executeRequest(fn, request, stub);
        } catch (final Throwable throwable) {
            return ResponseUtils.newErrorResponse(throwable);
        }
    }

    /**
     * Whether {@code name} ({@code "<contract>:<Transaction>"}) is a SUBMIT or an EVALUATE transaction; empty for an
     * unknown name.
     */
    public Optional<Transaction.TYPE> intent(final String name) {
        return Optional.ofNullable(intents.get(name));
    }

    /** Every transaction name this router serves, {@code "<contract>:<Transaction>"}. */
    public Set<String> transactionNames() {
        return Collections.unmodifiableSet(new TreeSet<>(intents.keySet()));
    }

    /** The shim's serializer registry without its class-path scan: every contract uses the default JSON one. */
    private static final class JsonSerializerOnly extends SerializerRegistryImpl {
        private static final String DEFAULT_SERIALIZER = defaultSerializerName();
        private final SerializerInterface json = new JSONTransactionSerializer();

        @Override
        public SerializerInterface getSerializer(final String name, final Serializer.TARGET target) {
            if (DEFAULT_SERIALIZER.equals(name) && target == Serializer.TARGET.TRANSACTION) {
                return json;
            }
            throw new IllegalStateException("no serializer " + name + " for " + target);
        }

        private static String defaultSerializerName() {
            try {
                return (String) Contract.class.getMethod("transactionSerializer").getDefaultValue();
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
