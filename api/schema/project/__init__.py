"""Practice projects (实践项目) and their admission review."""
