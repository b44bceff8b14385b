# Admin registrations arrive with the models of this app.
