// Does a user with this id exist? Used to tell an unknown id (a client error) from an empty answer.
// Parameters: $userId.
MATCH (u:User {id: $userId})
RETURN u.id AS id
