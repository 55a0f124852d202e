"""A small, real FastAPI app whose OpenAPI document Specgen's tests generate a client for.

It is written the way the FastAPI tutorial writes apps, so the document carries the shapes real
FastAPI services publish: default operation ids (``read_items_items__get``), ``Body_*`` schemas for
form and multipart bodies, ``HTTPValidationError`` on every operation that takes input, a
pydantic discriminated union, an OAuth2 password flow, and so on. Every handler echoes what it
received so a test can assert that the generated client sent the right thing.

Runs on Debian's packages (FastAPI 0.92, pydantic 1, uvicorn 0.17; scripts/install-framework-servers.sh):

    /usr/bin/python3 tests/Frameworks/fastapi/app.py --port 0

Once it accepts connections it prints ``LISTENING http://127.0.0.1:<port>`` on stdout.
Do not set ``operation_id`` anywhere: the generated ids are part of what is under test.
"""

import argparse
import hashlib
import socket
import sys
from enum import Enum
from typing import Dict, List, Literal, Optional, Union

import uvicorn
from fastapi import (Body, Cookie, Depends, FastAPI, Form, Header, HTTPException, Query,
                     UploadFile, status)
from fastapi.security import OAuth2PasswordBearer, OAuth2PasswordRequestForm
from pydantic import AnyUrl, BaseModel, Field, HttpUrl

app = FastAPI(title="Specgen FastAPI echo", version="1.0.0")


# ---------------------------------------------------------------------------------------------
# Models
# ---------------------------------------------------------------------------------------------

class Category(str, Enum):
    # A str Enum: pydantic 1 emits it as its own component schema ("An enumeration.").
    tools = "tools"
    toys = "toys"
    food = "food"


class Item(BaseModel):
    id: int
    name: str
    price: float
    description: Optional[str] = None  # pydantic 1: optional, but no `nullable: true` in the schema
    tags: List[str] = []  # schema carries `default: []`
    category: Category = Category.tools  # a $ref with a default: emitted as allOf: [$ref]


class ItemPage(BaseModel):
    """The list of items plus an echo of the query it was filtered by."""
    items: List[Item]
    tag: List[str] = []
    category: Optional[Category] = None
    limit: int
    short: bool


class HTTPError(BaseModel):
    """The body HTTPException produces, documented on 404s."""
    detail: str


class RequestInfo(BaseModel):
    x_request_id: str
    user_agent: Optional[str] = None
    session: Optional[str] = None


class SignupEcho(BaseModel):
    username: str
    age: int
    code: str
    newsletter: bool


class FileEcho(BaseModel):
    filename: Optional[str]
    content_type: Optional[str]
    size: int
    sha256: str
    note: str


class Cat(BaseModel):
    kind: Literal["cat"]  # the discriminator: pydantic 1 emits `enum: [cat]`
    name: str
    lives: int = 9


class Dog(BaseModel):
    kind: Literal["dog"]
    name: str
    good_boy: bool = True


class PetEcho(BaseModel):
    # A discriminated union inside a model: emitted as oneOf + discriminator.mapping.
    pet: Union[Cat, Dog] = Field(..., discriminator="kind")
    received_kind: str


class Bookmark(BaseModel):
    url: HttpUrl  # pydantic 1: {type: string, format: uri, minLength: 1, maxLength: 2083}
    mirror: Optional[AnyUrl] = None  # {type: string, format: uri, minLength: 1, maxLength: 65536}
    title: str = Field(..., max_length=40)


class Token(BaseModel):
    access_token: str
    token_type: str


class Me(BaseModel):
    token: str
    username: str


# ---------------------------------------------------------------------------------------------
# Items: CRUD, an in-memory store so tests can create, read back, update and delete.
# ---------------------------------------------------------------------------------------------

ITEMS: Dict[int, Item] = {}


@app.post("/items/", response_model=Item, status_code=status.HTTP_201_CREATED)
def create_item(item: Item):
    ITEMS[item.id] = item
    return item


@app.get("/items/", response_model=ItemPage)
def read_items(
    tag: List[str] = Query([]),  # repeated ?tag=a&tag=b
    category: Optional[Category] = None,
    limit: int = Query(10, ge=1, le=100),
    short: bool = False,  # a C# keyword as a parameter name
):
    found = [i for i in ITEMS.values()
             if (not tag or set(tag) & set(i.tags)) and (category is None or i.category == category)]
    return ItemPage(items=found[:limit], tag=tag, category=category, limit=limit, short=short)


@app.get("/items/{item_id}", response_model=Item, responses={404: {"model": HTTPError}})
def read_item(item_id: int):
    if item_id not in ITEMS:
        raise HTTPException(status_code=404, detail="Item not found")
    return ITEMS[item_id]


@app.put("/items/{item_id}", response_model=Item, responses={404: {"model": HTTPError}})
def update_item(item_id: int, item: Item):
    if item_id not in ITEMS:
        raise HTTPException(status_code=404, detail="Item not found")
    ITEMS[item_id] = item
    return item


@app.delete("/items/{item_id}", status_code=status.HTTP_204_NO_CONTENT,
            responses={404: {"model": HTTPError}})
def delete_item(item_id: int):
    if ITEMS.pop(item_id, None) is None:
        raise HTTPException(status_code=404, detail="Item not found")
    # Returning None with 204: FastAPI sends no body (but still documents the response).


# ---------------------------------------------------------------------------------------------
# Header and cookie parameters
# ---------------------------------------------------------------------------------------------

@app.get("/request-info", response_model=RequestInfo)
def read_request_info(
    x_request_id: str = Header(...),  # documented as header `x-request-id` (underscores converted)
    user_agent: Optional[str] = Header(None),
    session: Optional[str] = Cookie(None),
):
    return RequestInfo(x_request_id=x_request_id, user_agent=user_agent, session=session)


# ---------------------------------------------------------------------------------------------
# Bodies other than JSON
# ---------------------------------------------------------------------------------------------

@app.post("/signup/", response_model=SignupEcho)
def submit_signup(
    # application/x-www-form-urlencoded; FastAPI names the schema Body_submit_signup_signup__post.
    username: str = Form(..., max_length=20),
    age: int = Form(..., ge=0),
    code: str = Form(..., regex=r"^[A-Z]{3}-[0-9]{3}$"),  # pydantic 1 spells `pattern` as regex=
    newsletter: bool = Form(False),
):
    return SignupEcho(username=username, age=age, code=code, newsletter=newsletter)


@app.post("/files/", response_model=FileEcho)
async def create_file(file: UploadFile, note: str = Form(...)):
    # multipart/form-data; the schema is Body_create_file_files__post, the file {format: binary}.
    data = await file.read()
    return FileEcho(filename=file.filename, content_type=file.content_type, size=len(data),
                    sha256=hashlib.sha256(data).hexdigest(), note=note)


# ---------------------------------------------------------------------------------------------
# Polymorphism and constrained strings
# ---------------------------------------------------------------------------------------------

@app.post("/pets/", response_model=PetEcho)
def create_pet(pet: Union[Cat, Dog] = Body(..., discriminator="kind")):
    # The request body itself is the union (FastAPI 0.92 has no Annotated support yet, so the
    # discriminator goes on Body()).
    return PetEcho(pet=pet, received_kind=pet.kind)


@app.post("/bookmarks/", response_model=Bookmark)
def create_bookmark(bookmark: Bookmark):
    return bookmark


# ---------------------------------------------------------------------------------------------
# OAuth2 password flow with bearer tokens
# ---------------------------------------------------------------------------------------------

oauth2_scheme = OAuth2PasswordBearer(tokenUrl="token")
PASSWORD = "secret"  # any username, this password


@app.post("/token", response_model=Token)
def login(form_data: OAuth2PasswordRequestForm = Depends()):
    if form_data.password != PASSWORD:
        raise HTTPException(status_code=400, detail="Incorrect username or password")
    return Token(access_token="token-" + form_data.username, token_type="bearer")


@app.get("/me", response_model=Me)
def read_me(token: str = Depends(oauth2_scheme)):
    # OAuth2PasswordBearer already answered 401 when the Authorization header was missing.
    if not token.startswith("token-"):
        raise HTTPException(status_code=401, detail="Invalid token",
                            headers={"WWW-Authenticate": "Bearer"})
    return Me(token=token, username=token[len("token-"):])


# ---------------------------------------------------------------------------------------------
# Startup: bind the socket ourselves so port 0 works, then announce the real port.
# ---------------------------------------------------------------------------------------------

class AnnouncingServer(uvicorn.Server):
    """Prints the LISTENING line once uvicorn has started serving on the socket."""

    def __init__(self, config, url):
        super().__init__(config)
        self.url = url

    async def startup(self, sockets=None):
        await super().startup(sockets=sockets)
        if self.started:
            print("LISTENING " + self.url, flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0, help="TCP port on 127.0.0.1; 0 picks a free one")
    args = parser.parse_args()

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", args.port))
    sock.listen(128)
    port = sock.getsockname()[1]

    config = uvicorn.Config(app, log_level="warning", access_log=False)
    AnnouncingServer(config, "http://127.0.0.1:%d" % port).run(sockets=[sock])


if __name__ == "__main__":
    sys.exit(main())
