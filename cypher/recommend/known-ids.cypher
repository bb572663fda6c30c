// Which kinds of node carry an id — asked only when a question's own query answered nothing, so
// that an unknown id is reported (BAD_USER_INPUT) instead of passing for "nothing to recommend".
// Three unique-index seeks.
// Parameters: $id.
RETURN EXISTS { MATCH (:User {id: $id}) } AS user,
       EXISTS { MATCH (:Creator {id: $id}) } AS creator,
       EXISTS { MATCH (:Task {id: $id}) } AS task
